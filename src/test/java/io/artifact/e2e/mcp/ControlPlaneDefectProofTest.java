package io.artifact.e2e.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proof that CONTROL-040 can fail: the feature runs (through the Cucumber engine, as the suite
 * does) against each defective control plane ({@code e2e.stack.mcp.defect}), and exactly the rows
 * that guard against that defect must fail; every other row must still pass.
 */
class ControlPlaneDefectProofTest {

  private static final List<String> ROWS = List.of("provision the org, then list it", "ensure an app twice",
      "Machine created, then destroyed", "revoked org token", "app outside the org allow-list", "malformed tool arguments");

  @ParameterizedTest(name = "{0} is caught by: {1}")
  @CsvSource(delimiter = '|', value = {
      "revoked-token-accepted    | revoked org token",
      "no-audit                  | ensure an app twice; Machine created, then destroyed; app outside the org allow-list",
      "ensure-app-not-idempotent | ensure an app twice"})
  void aDefectiveControlPlaneFailsTheRowsThatGuardAgainstIt(String defect, String caughtBy) {
    List<String> expected = List.of(caughtBy.split("; "));
    Map<String, Boolean> outcome = runFeatureWith(defect);
    assertThat(outcome).as("scenarios run").hasSize(ROWS.size());
    assertThat(outcome.entrySet()).filteredOn(e -> !e.getValue()).extracting(Map.Entry::getKey)
        .as("rows failing against the %s control plane", defect).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Runs features/control-plane.feature; situation → passed. */
  private static Map<String, Boolean> runFeatureWith(String defect) {
    Map<String, Boolean> outcome = new java.util.concurrent.ConcurrentHashMap<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectFile("features/control-plane.feature"))
        .filters(EngineFilter.includeEngines("cucumber"))
        .configurationParameter("cucumber.glue", "io.artifact.e2e.steps")
        .configurationParameter("cucumber.plugin", "io.artifact.e2e.steps.ZeroScenarioGuard")
        .configurationParameter("cucumber.filter.tags", "@CONTROL-040")
        .build();
    List<Throwable> failures = new ArrayList<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        String situation = ROWS.stream().filter(r -> id.getDisplayName().contains(r)).findFirst().orElse(id.getDisplayName());
        outcome.put(situation, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
        result.getThrowable().ifPresent(failures::add);
      }
    };
    System.setProperty("e2e.stack.mcp.defect", defect);
    try {
      LauncherFactory.create().execute(request, listener);
    } finally {
      System.clearProperty("e2e.stack.mcp.defect");
    }
    return outcome;
  }
}
