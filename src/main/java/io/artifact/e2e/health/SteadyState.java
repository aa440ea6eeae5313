package io.artifact.e2e.health;

import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A fault drill's steady-state hypothesis, in the Chaos Toolkit manner: before the fault is
 * injected and again after it is undone, the slice passes the Phase 0 baseline ({@link BaselineCheck}).
 * The stack gets {@code timeouts.boot} to settle (apps re-mount, Machines finish starting); a drill
 * that leaves it unhealthy fails, whatever its own assertions said. Each check's report is evidence.
 */
public final class SteadyState {

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;
  private int checks;

  public SteadyState(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  /** Waits for a clean baseline; the findings of the last attempt are the failure message. */
  public void holds() {
    int n = ++checks;
    BaselineCheck check = new BaselineCheck(world.fly(), provisioner.blueprint(), world.contract());
    AtomicReference<BaselineReport> last = new AtomicReference<>();
    try {
      world.eventually("the stack is healthy (steady-state check " + n + ")", world.bootBound()).until(() -> {
        last.set(check.run());
        return last.get().findings().isEmpty();
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("steady-state check " + n + ": the stack is not healthy within " + world.bootBound().toMillis()
          + " ms: " + (last.get() == null ? e.getMessage() : last.get().findings()), e);
    } finally {
      if (last.get() != null) {
        world.evidence().json("steady-state-" + n + ".json", last.get().findings());
        world.evidence().json("steady-state-" + n + "-machines.json", last.get().machines());
      }
    }
  }
}
