package io.artifact.e2e.steps;

import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;

/** Phase 2/4 mutations of the slice's Machines, through the Fly API as ops would do them, each undone at teardown. */
public final class MachineSteps {

  private final ScenarioWorld world;
  private final FlyFaults faults;

  public MachineSteps(ScenarioWorld world, FlyFaults faults) {
    this.world = world;
    this.faults = faults;
  }

  @Given("nothing has been changed since provisioning")
  public void nothingHasBeenChanged() {
    world.manifest().put("mutation", "none");
  }

  @Given("the NFS Machine has been stopped")
  public void theNfsMachineHasBeenStopped() {
    faults.stopMachines(world.slice().nfsApp());
  }

  @Given("the router has been redeployed pointing at the worker pool {string}")
  public void theRouterPointsAtWorkerPool(String pool) {
    faults.setEnv(world.slice().routerApp(), "DC_WORKER_POOL_APP", pool);
  }
}
