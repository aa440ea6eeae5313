package io.artifact.e2e.steps;

import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;

/** Phase 2/4 mutations of the slice's Machines, through the Fly port as ops would do them. */
public final class MachineSteps {

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;

  public MachineSteps(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  @Given("nothing has been changed since provisioning")
  public void nothingHasBeenChanged() {
    world.manifest().put("mutation", "none");
  }

  @Given("the NFS Machine has been stopped")
  public void theNfsMachineHasBeenStopped() {
    String app = world.slice().nfsApp();
    for (MachineInfo m : world.fly().listMachines(app)) {
      world.fly().stopMachine(app, m.id());
      world.fly().awaitState(app, m.id(), "stopped", world.bootBound());
    }
  }

  @Given("the router has been redeployed pointing at the worker pool {string}")
  public void theRouterPointsAtWorkerPool(String pool) {
    String app = world.slice().routerApp();
    for (MachineInfo m : world.fly().listMachines(app)) {
      world.fly().updateMachine(app, m.id(), provisioner.blueprint().routerMachine().withEnv("DC_WORKER_POOL_APP", pool));
      world.fly().awaitState(app, m.id(), "started", world.bootBound());
    }
  }
}
