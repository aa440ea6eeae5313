package io.artifact.e2e.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs scenarios in-process through the JUnit Platform launcher with profile overrides
 * ({@code e2e.<key>} system properties), without touching the run's reports. The defect
 * capability-skip and safety ITs use it; the kill matrix runs its own in-process runs (killmatrix.ScenarioLauncher).
 */
public final class ScenarioRun {

  /** What happened: how many scenarios ran, passed and failed, and the failure messages. */
  public record Result(long found, long succeeded, long failed, List<String> failures, long skipped) {}

  private ScenarioRun() {}

  public static synchronized Result run(String tags, Map<String, String> profileOverrides) {
    return run(tags, profileOverrides, "");
  }

  /** With more Cucumber plugins (comma-separated, e.g. the matrix report writing to a temp file). */
  public static synchronized Result run(String tags, Map<String, String> profileOverrides, String plugins) {
    profileOverrides.forEach((k, v) -> System.setProperty("e2e." + k, v));
    try {
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectDirectory(new File("features")))
          .configurationParameter("cucumber.glue", "io.artifact.e2e.steps")
          .configurationParameter("cucumber.filter.tags", tags)
          .configurationParameter("cucumber.plugin", "io.artifact.e2e.steps.ZeroScenarioGuard" + (plugins.isBlank() ? "" : ", " + plugins))
          .build(), listener);
      TestExecutionSummary s = listener.getSummary();
      return new Result(s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTotalFailureCount(),
          s.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage()).toList(),
          s.getTestsAbortedCount());
    } finally {
      profileOverrides.keySet().forEach(k -> System.clearProperty("e2e." + k));
    }
  }
}
