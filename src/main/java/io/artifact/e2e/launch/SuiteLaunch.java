package io.artifact.e2e.launch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import io.artifact.e2e.report.StepCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One way to launch the suite through the JUnit Platform, used by the CLI ({@code run},
 * {@code run --rerun-failed}, {@code run --dry-run}, {@code steps}) and by {@code mvn verify
 * -Drerun-failed}: the features, the glue, the reports directory and the attempt. The first attempt
 * writes Cucumber's reports, the failed scenarios ({@code rerun.txt}) and the run's own reports; the
 * rerun runs exactly those scenarios once more, its Cucumber reports under {@code rerun/}, and merges
 * its results into the first attempt's (a pass now is flaky). A dry run runs no glue — no hook, so
 * no target is opened — and writes the step catalogue.
 */
public final class SuiteLaunch {

  /** What JUnit counted; a scenario skipped for a missing capability is aborted in JUnit's terms, counted skipped here. */
  public record Outcome(long found, long succeeded, long failed, long skipped, List<String> failures) {
    public static Outcome nothing() {
      return new Outcome(0, 0, 0, 0, List.of());
    }
  }

  public static final String DRY_RUN = "cucumber.execution.dry-run";
  static final String MATRIX = "io.artifact.e2e.report.MatrixReport";
  static final String CATALOGUE = "io.artifact.e2e.report.StepCatalogue";
  static final String GUARD = "io.artifact.e2e.steps.ZeroScenarioGuard";

  private final DiscoverySelector features;
  private final String glue;
  private final Path reports;
  private final Map<String, String> config = new LinkedHashMap<>();

  public SuiteLaunch(DiscoverySelector features, String glue, Path reports) {
    this.features = features;
    this.glue = glue;
    this.reports = reports;
  }

  /** The features in {@code dir}, else the copy the jar carries. */
  public static DiscoverySelector featuresIn(Path dir) {
    return Files.isDirectory(dir) ? selectDirectory(dir.toFile()) : selectClasspathResource("features");
  }

  /** How many scenarios at a time (1: one after another). */
  public SuiteLaunch parallelism(int scenarios) {
    int n = Math.max(1, scenarios);
    return with("cucumber.execution.parallel.enabled", String.valueOf(n > 1))
        .with("cucumber.execution.parallel.config.strategy", "fixed")
        .with("cucumber.execution.parallel.config.fixed.parallelism", String.valueOf(n))
        .with("cucumber.execution.parallel.config.fixed.max-pool-size", String.valueOf(n));
  }

  /** Any other Cucumber or JUnit Platform setting (tag filter, plugins). */
  public SuiteLaunch with(String key, String value) {
    config.put(key, value);
    return this;
  }

  public Path reports() {
    return reports;
  }

  /** The first attempt, with every report. */
  public Outcome run() {
    return launch(Map.of("cucumber.plugin", String.join(", ", "summary", "html:" + r("cucumber.html"), "json:" + r("cucumber.json"),
        "message:" + r("cucumber.ndjson"), "junit:" + r("cucumber-junit.xml"), "rerun:" + r(RERUN_FILE), GUARD, MATRIX + ":" + r("matrix.json"))));
  }

  static final String RERUN_FILE = "rerun.txt";

  /** The scenarios the last attempt failed ({@code rerun.txt}: {@code features/x.feature:12:30}), as Cucumber's feature paths. */
  public List<String> failedLastTime() {
    Path file = reports.resolve(RERUN_FILE);
    try {
      return Files.isRegularFile(file) ? Arrays.stream(Files.readString(file).split("\\s+")).filter(s -> !s.isBlank()).toList() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Runs once more the scenarios the first attempt failed; nothing if it failed none. */
  public Outcome rerunFailed() {
    List<String> failed = failedLastTime();
    if (failed.isEmpty()) return Outcome.nothing();
    Path again = reports.resolve("rerun");
    Map<String, String> rerun = new LinkedHashMap<>();
    rerun.put("cucumber.features", String.join(",", failed));
    rerun.put("cucumber.plugin", String.join(", ", "summary", "html:" + again.resolve("cucumber.html"), "message:" + again.resolve("cucumber.ndjson"),
        "junit:" + again.resolve("cucumber-junit.xml"), "rerun:" + again.resolve(RERUN_FILE), MATRIX + ":rerun:" + r("matrix.json")));
    return launch(rerun);
  }

  /** Parses every feature and matches every step, running no glue; the catalogue names what is undefined. */
  public Outcome dryRun() {
    // only the catalogue: the run's reports (and the zero-scenario guard) have nothing to say about a dry run
    return launch(Map.of(DRY_RUN, "true", "cucumber.plugin", CATALOGUE + ":" + reports, "cucumber.execution.parallel.enabled", "false"));
  }

  public StepCatalogue.Catalogue catalogue() {
    return StepCatalogue.Catalogue.read(reports);
  }

  private String r(String file) {
    return reports.resolve(file).toString();
  }

  /**
   * Only the settings given ({@link #with}: tag filter, plugins, parallelism), no report of the run's own; {@code rows}
   * sees each scenario finish. The kill matrix's runs, several at once in one JVM.
   */
  public Outcome quietly(TestExecutionListener rows) {
    return launch(Map.of(), rows);
  }

  /** The scenarios these settings select (the tag filter), found and not run: the features are parsed, no glue runs. */
  public List<TestIdentifier> discover() {
    TestPlan plan = LauncherFactory.create().discover(request(Map.of()));
    return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream()).filter(TestIdentifier::isTest).toList();
  }

  private LauncherDiscoveryRequest request(Map<String, String> attempt) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(features)
        .configurationParameter("cucumber.glue", glue);
    request.configurationParameter(DRY_RUN, "false"); // only dryRun() says otherwise
    config.forEach(request::configurationParameter);
    attempt.forEach(request::configurationParameter);
    return request.build();
  }

  private Outcome launch(Map<String, String> attempt, TestExecutionListener... more) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request(attempt), concat(listener, more));
    TestExecutionSummary s = listener.getSummary();
    return new Outcome(s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTotalFailureCount(),
        s.getTestsSkippedCount() + s.getTestsAbortedCount(),
        s.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage()).toList());
  }

  private static TestExecutionListener[] concat(TestExecutionListener first, TestExecutionListener... more) {
    TestExecutionListener[] all = Arrays.copyOf(new TestExecutionListener[] {first}, 1 + more.length);
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }
}
