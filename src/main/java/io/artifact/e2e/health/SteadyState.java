package io.artifact.e2e.health;

import io.artifact.e2e.world.ScenarioWorld;

/**
 * A fault drill's steady-state hypothesis, in the Chaos Toolkit manner: before the fault is
 * injected and again after it is undone, the slice passes the Phase 0 baseline ({@link BaselineCheck}).
 * The stack gets {@code timeouts.boot} to settle (apps re-mount, Machines finish starting); a drill
 * that leaves it unhealthy fails, whatever its own assertions said. Each check's report is evidence.
 */
public final class SteadyState {

  private final ScenarioWorld world;
  private int checks;

  public SteadyState(ScenarioWorld world) {
    this.world = world;
  }

  /**
   * Waits for the stack's steady state — the same check the fault record runs around every fault
   * ({@link ScenarioWorld#steadyState()}): one definition of "healthy" for a step and a drill.
   */
  public void holds() {
    int n = ++checks;
    io.artifact.e2e.fault.SteadyState.Verdict v = world.steadyState().after();
    world.evidence().json("steady-state-" + n + ".json", v.asJson());
    if (!v.healthy()) {
      throw new AssertionError("steady-state check " + n + ": the stack is not healthy within " + world.bootBound().toMillis()
          + " ms: " + v.findings());
    }
  }
}
