package io.artifact.e2e.cli;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.sweep.OrphanSweep;
import io.artifact.e2e.sweep.Sweeps;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: removes what dead runs left in the profile's org (apps with {@code -e2e-<runid>} in
 * their name, Machines labelled {@code e2e_run=<runid>}), leaving live runs' alone, and prints each
 * removal and a count. Exit 0 when the sweep went through (also when there was nothing to remove).
 */
@Command(name = "sweep", description = "Remove resources dead runs left in the org (apps -e2e-<runid>, Machines e2e_run=<runid>).",
    mixinStandardHelpOptions = true)
public final class SweepCommand implements Callable<Integer> {

  @Option(names = "--env", paramLabel = "NAME", description = "Profile naming the org (staging, hybrid, ephemeral, external, …).")
  String env;

  @Option(names = "--older-than", paramLabel = "D", description = "Only what is older than this (500ms, 30s, 2h): protects runs of other hosts.")
  String olderThan;

  @Option(names = "--dry-run", description = "Print what would be removed; change nothing.")
  boolean dryRun;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ProfileLoader loader = ProfileLoader.fromProcess();
    Profile profile = loader.loadWithoutSecrets(env != null ? env : loader.requestedName());
    Duration age = olderThan == null ? Duration.ZERO : parse(olderThan);
    if (profile.embedded()) {
      throw new ProfileException("profile '" + profile.name() + "' targets the embedded stack, which dies with its run and leaves"
          + " nothing to sweep; name a stack that outlives runs (an external or fly profile)");
    }
    OrphanSweep sweep = Sweeps.forProfile(profile, System.getenv(), age);
    PrintWriter out = spec.commandLine().getOut();
    sweep.sweep(dryRun, out::println);
    out.flush();
    return 0;
  }

  private Duration parse(String raw) {
    try {
      return ProfileLoader.duration("--older-than", raw);
    } catch (ProfileException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--older-than must be a duration like 500ms, 30s, 2m or 1h (was '" + raw + "')");
    }
  }
}
