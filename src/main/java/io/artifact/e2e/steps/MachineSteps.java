package io.artifact.e2e.steps;

import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.fault.NfsOutageJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.StackApp;
import io.cucumber.java.en.Given;

/** Phase 2/4 mutations of the slice's Machines, through the Fly API as ops would do them, each undone at teardown. */
public final class MachineSteps {

  private final ScenarioWorld world;
  private final FlyFaults faults;
  private final NfsOutageJourney outage;

  public MachineSteps(ScenarioWorld world, FlyFaults faults, NfsOutageJourney outage) {
    this.world = world;
    this.faults = faults;
    this.outage = outage;
  }

  /** {@code stopped} or {@code suspended}: the instance files are noted first where they can be read. */
  @Given("the NFS Machine has been {word}")
  public void theNfsMachineHasBeenTakenDown(String how) {
    outage.takeDown(how);
  }

  @Given("{stackApp} has been redeployed pointing at the worker pool {string}")
  public void redeployedPointingAtWorkerPool(StackApp app, String pool) {
    faults.setEnv(app.app(world.slice()), "DC_WORKER_POOL_APP", pool);
  }
}
