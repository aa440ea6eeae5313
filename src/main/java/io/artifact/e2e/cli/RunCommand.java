package io.artifact.e2e.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
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

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (manifest != null) ManifestRun.stage(manifest, scenarios, spec.commandLine());
    ProfileLoader loader = ProfileLoader.fromProcess();
    String profile = env != null ? env : loader.requestedName();
    Profile loaded = loader.load(profile); // one clear line now, rather than a failed run later
    System.setProperty("env", profile);
    String filter = tagFilter(scenarios, tags);
    refuseBadSelection(loaded, filter);
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(featureSelector())
        .configurationParameter("cucumber.glue", "io.artifact.e2e.steps");
    // scenarios on one shared slice (slice.scope=run) would see each other's Machines, faults and secrets
    if (!loaded.slicePerScenario()) request.configurationParameter(PARALLEL, "false");
    if (filter != null) {
      request.configurationParameter("cucumber.filter.tags", filter);
      System.setProperty("cucumber.filter.tags", filter);
    }
    LauncherDiscoveryRequest discovery = request.build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(discovery, summary);
    TestExecutionSummary result = summary.getSummary();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d scenarios: %d passed, %d failed, %d skipped; report: target-reports/cucumber.html%n",
        // a scenario skipped for a capability its target lacks is aborted in JUnit's terms: a skip all the same
        result.getTestsFoundCount(), result.getTestsSucceededCount(), result.getTotalFailureCount(),
        result.getTestsSkippedCount() + result.getTestsAbortedCount());
    result.getFailures().forEach(f -> out.println("  FAILED " + f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage()));
    out.flush();
    // nothing executed (no match, or every row skipped) is a failure: nothing was checked
    return result.getTotalFailureCount() == 0 && result.getTestsSucceededCount() > 0 ? 0 : 1;
  }

  static final String PARALLEL = "cucumber.execution.parallel.enabled";

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

  private DiscoverySelector featureSelector() {
    Path dir = features != null ? features : Path.of("features");
    if (Files.isDirectory(dir)) return selectDirectory(dir.toFile());
    if (features != null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--features: no directory " + dir);
    return selectClasspathResource("features");
  }
}
