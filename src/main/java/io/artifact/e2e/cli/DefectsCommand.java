package io.artifact.e2e.cli;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.killmatrix.Catalogue;
import io.artifact.e2e.killmatrix.KillMatrix;
import io.artifact.e2e.world.SuiteRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The kill matrix: every variant of the defect catalogue against the rows expected to catch it
 * plus a control row, all at once on one embedded stack, and the {@code impl} variant against
 * every row. Exit 0 only when every variant was killed (its control passing) and impl failed
 * exactly the rows tagged with a gap it reproduces.
 */
@Command(name = "defects", description = "Run the defect catalogue's kill matrix and the impl variant's gaps.", mixinStandardHelpOptions = true)
public final class DefectsCommand implements Callable<Integer> {

  @Option(names = "--variant", paramLabel = "VARIANT", description = "Run one catalogued variant (e.g. fly-router:defect-skip-auth, or impl).")
  String variant;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile (default local); it must target the embedded stack.")
  String profile;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "16", description = "Cucumber runs at once (default ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--features", paramLabel = "DIR", description = "Feature directory (default: ./features, else the copy in the jar).")
  Path features = Path.of("features");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ProfileLoader loader = ProfileLoader.fromProcess();
    String name = profile != null ? profile : loader.requestedName();
    Profile loaded = loader.load(name);
    if (!loaded.embedded() || !loaded.slicePerScenario()) {
      throw new ParameterException(spec.commandLine(), "--profile " + name + ": the kill matrix runs variants side by side on slices of"
          + " their own, so it needs an embedded target with slice.scope=scenario (" + loaded.source() + ")");
    }
    if (jobs < 1) throw new ParameterException(spec.commandLine(), "--jobs must be at least 1 (was " + jobs + ")");
    System.setProperty("env", name);
    Catalogue catalogue = Catalogue.load();
    List<Catalogue.Entry> entries = catalogue.variants();
    boolean withImpl = true;
    if (variant != null) {
      withImpl = variant.equals("impl");
      entries = withImpl ? List.of() : List.of(catalogue.entry(variant).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "--variant " + variant + " is not in " + Catalogue.RESOURCE + "; known: impl, "
              + String.join(", ", catalogue.variants().stream().map(Catalogue.Entry::variant).toList()))));
    }
    SuiteRuntime.acquire(); // one embedded stack for every run, kept up until the last one ends
    KillMatrix.Result result;
    try {
      result = new KillMatrix(catalogue, features, jobs).run(entries, withImpl);
    } finally {
      SuiteRuntime.release();
    }
    KillMatrix.print(result, spec.commandLine().getOut());
    return result.ok() ? 0 : 1;
  }
}
