package io.artifact.e2e.cli;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.report.MatrixSummary;
import io.artifact.e2e.report.RunRecord;
import io.artifact.e2e.report.StepCatalogue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.platform.engine.DiscoverySelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the suite through the JUnit Platform launcher with the same reports as {@code mvn verify}
 * (the runbook's {@code tasks/e2e.ts --scenario}). Exit 0 when every selected scenario passed.
 */
@Command(name = "run", description = "Run scenarios (all, by matrix id, or by tag expression).", mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--scenario", paramLabel = "ID", description = "Matrix id such as ROUTER-001 (repeatable; any of them).")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. \"@smoke and not @fault\".")
  String tags;

  @Option(names = "--env", paramLabel = "NAME", description = "Profile: local (default), staging, ephemeral, hybrid.")
  String env;

  @Option(names = "--features", paramLabel = "DIR", description = "Feature directory (default: ./features, else the copy in the jar).")
  Path features;

  @Option(names = "--manifest", paramLabel = "FILE", description = "Stage the slice a scenario manifest describes (its matrix id, "
      + "strategy, org and images; artifacts/e2e/<timestamp>.json) and run that row; checked against the schema first.")
  Path manifest;

  @Option(names = "--rerun-failed", description = "Run the scenarios that failed once more; one that passes then is reported flaky, never passed "
      + "(exit 0 with the flakes named; a scenario that fails twice fails the run).")
  boolean rerunFailed;

  @Option(names = "--dry-run", description = "Parse every feature and check every step is defined, running no step and touching no target; "
      + "names file:line and text of each undefined step. Writes the step catalogue (target-reports/steps.html).")
  boolean dryRun;

  @Option(names = "--reports", paramLabel = "DIR", description = "Where the reports go (default: target-reports).")
  Path reports = REPORTS;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  static final Path REPORTS = Path.of("target-reports");

  /**
   * A run sets process-wide settings for its hooks and reports (profile, tag filter, a manifest's org and images);
   * it leaves them as it found them, since tests and {@code defects} run the CLI in-process.
   */
  @Override
  public Integer call() {
    java.util.Properties before = (java.util.Properties) System.getProperties().clone();
    try {
      return runSuite();
    } finally {
      System.setProperties(before);
    }
  }

  private int runSuite() {
    if (manifest != null) ManifestRun.stage(manifest, scenarios, spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    String filter = tagFilter(scenarios, tags);
    if (filter != null) System.setProperty("cucumber.filter.tags", filter);
    if (dryRun) return dryRun(launch(filter), out);
    ProfileLoader loader = ProfileLoader.fromProcess();
    String profile = env != null ? env : loader.requestedName();
    Profile loaded = loader.load(profile); // one clear line now, rather than a failed run later
    System.setProperty("env", profile);
    refuseBadSelection(loaded, filter);
    SuiteLaunch launch = launch(filter);
    // scenarios on one shared slice (slice.scope=run) would see each other's Machines, faults and secrets
    if (!loaded.slicePerScenario()) launch.parallelism(1);
    SuiteLaunch.Outcome first = launch.run();
    SuiteLaunch.Outcome rerun = rerunFailed && first.failed() > 0 ? launch.rerunFailed() : SuiteLaunch.Outcome.nothing();
    if (rerun.found() > 0) return afterRerun(first, rerun, out);
    out.printf("%d scenarios: %d passed, %d failed, %d skipped; report: " + reports.resolve("index.html") + "%n",
        first.found(), first.succeeded(), first.failed(), first.skipped());
    first.failures().forEach(f -> out.println("  FAILED " + f));
    out.flush();
    // nothing executed (no match, or every row skipped) is a failure: nothing was checked
    return first.failed() == 0 && first.succeeded() > 0 ? 0 : 1;
  }

  /** After the rerun the run record is the verdict: failed twice fails the run; passed on the rerun is flaky, named, and does not. */
  private int afterRerun(SuiteLaunch.Outcome first, SuiteLaunch.Outcome rerun, PrintWriter out) {
    RunRecord record = RunRecord.read(reports);
    out.println(record.summaryLine() + "; report: " + reports.resolve("index.html"));
    record.scenarios().stream().filter(s -> s.verdict() == MatrixSummary.Verdict.FLAKY)
        .forEach(s -> out.println("  FLAKY " + s.name() + " (" + s.location() + "): " + s.firstFailure()));
    rerun.failures().forEach(f -> out.println("  FAILED twice " + f.lines().findFirst().orElse(f)));
    out.flush();
    long failed = record.count(MatrixSummary.Verdict.FAILED);
    return failed == 0 && rerun.failed() == 0 && first.succeeded() + rerun.succeeded() > 0 ? 0 : 1;
  }

  private int dryRun(SuiteLaunch launch, PrintWriter out) {
    SuiteLaunch.Outcome o = launch.dryRun();
    StepCatalogue.Catalogue catalogue = launch.catalogue();
    List<String> problems = catalogue.problems();
    out.printf("dry run: %d scenarios parsed, %d step patterns, %d undefined or ambiguous step(s); catalogue: %s%n",
        o.found(), catalogue.steps().size(), problems.size(), reports.resolve(StepCatalogue.HTML));
    problems.forEach(p -> out.println("  " + p));
    o.failures().stream().filter(f -> problems.isEmpty()).forEach(f -> out.println("  FAILED " + f));
    out.flush();
    return problems.isEmpty() && o.failed() == 0 && o.found() > 0 ? 0 : 1;
  }

  private SuiteLaunch launch(String filter) {
    SuiteLaunch launch = new SuiteLaunch(featureSelector(), "io.artifact.e2e.steps", reports);
    if (filter != null) launch.with("cucumber.filter.tags", filter);
    return launch;
  }

  /** Before anything starts: an unknown matrix id, or a production profile given a row that changes shared state. */
  private void refuseBadSelection(Profile profile, String filter) {
    ScenarioCatalogue catalogue = ScenarioCatalogue.load(featureDir());
    java.util.TreeSet<String> known = catalogue.matrixIds();
    for (String id : scenarios) {
      String bare = id.startsWith("@") ? id.substring(1) : id;
      if (!known.contains(bare)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "unknown scenario id '" + bare + "'; known ids: " + String.join(", ", known));
      }
    }
    if (profile.production()) {
      List<ScenarioCatalogue.Row> refused = catalogue.select(filter).stream()
          .filter(r -> r.tags().contains("@destructive") || r.tags().contains("@fault")).toList();
      if (!refused.isEmpty()) {
        throw new io.artifact.e2e.config.ProfileException("refusing " + refused.size() + " @destructive/@fault scenario(s) on "
            + profile.source() + " (production=true), e.g. '" + refused.get(0).name() + "'; add --tags \"not @destructive and not @fault\"");
      }
    }
  }

  /** The feature directory a run reads (null: the copy in the jar). */
  private Path featureDir() {
    Path dir = features != null ? features : Path.of("features");
    return Files.isDirectory(dir) ? dir : null;
  }

  static String tagFilter(List<String> scenarios, String tags) {
    List<String> parts = new ArrayList<>();
    if (!scenarios.isEmpty()) {
      parts.add("(" + String.join(" or ", scenarios.stream().map(s -> s.startsWith("@") ? s : "@" + s).toList()) + ")");
    }
    if (tags != null && !tags.isBlank()) parts.add("(" + tags + ")");
    return parts.isEmpty() ? null : String.join(" and ", parts);
  }

  DiscoverySelector featureSelector() {
    Path dir = features != null ? features : Path.of("features");
    if (features != null && !Files.isDirectory(dir)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--features: no directory " + dir);
    }
    return SuiteLaunch.featuresIn(dir);
  }
}
