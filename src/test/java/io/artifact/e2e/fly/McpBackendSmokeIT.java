package io.artifact.e2e.fly;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.ScenarioRun;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code @smoke} rows with {@code env/local-mcp.properties} ({@code fly.backend=mcp}): the Fly
 * operations the control plane guards go through its fly.run / fly.logs tools, and still pass. The
 * second run proves they really do: with apps set up over the Machines API (not the control plane)
 * and a control plane that allows no org prefix, only a run whose Fly calls pass through it fails.
 */
class McpBackendSmokeIT {

  private String previousEnv;

  @BeforeEach
  void selectProfile() {
    previousEnv = System.getProperty("env");
    System.setProperty("env", "local-mcp");
  }

  @AfterEach
  void restoreProfile() {
    if (previousEnv == null) System.clearProperty("env");
    else System.setProperty("env", previousEnv);
  }

  @Test
  void theSmokeRowsPassWithFlyOperationsGuardedByTheControlPlane() {
    ScenarioRun.Result r = ScenarioRun.run("@smoke", Map.of());
    assertThat(r.failures()).isEmpty();
    assertThat(r.succeeded()).as("smoke rows that passed (13 when written)").isGreaterThanOrEqualTo(13);
  }

  @Test
  void aControlPlaneThatRefusesTheOrgFailsTheRunSoTheCallsReallyGoThroughIt() {
    ScenarioRun.Result r = ScenarioRun.run("@BASELINE and @happy", Map.of("phase1.ensure-apps", "fly", "stack.mcp.allowed-prefixes", "zzz"));
    assertThat(r.succeeded()).as("rows that passed although the control plane refused every Fly call").isZero();
    assertThat(r.failed()).as("the Fly calls went through the control plane, which refused them").isPositive();
    assertThat(r.failures()).allSatisfy(f -> assertThat(f).containsAnyOf("fly.run", "fly.logs", "MCP", "mcp"));
    ScenarioRun.Result rest = ScenarioRun.run("@BASELINE and @happy",
        Map.of("fly.backend", "rest", "phase1.ensure-apps", "fly", "stack.mcp.allowed-prefixes", "zzz"));
    assertThat(rest.failures()).as("the same run with the REST backend never asks the control plane").isEmpty();
    assertThat(rest.succeeded()).isEqualTo(r.failed());
  }
}
