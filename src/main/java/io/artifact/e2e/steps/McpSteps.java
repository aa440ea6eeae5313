package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.mcp.ControlPlaneScenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** CONTROL-040: what ops do through the control plane (the verdicts are in {@link McpVerdictSteps}). */
public final class McpSteps {

  private final ControlPlaneScenario cp;

  public McpSteps(ControlPlaneScenario cp) {
    this.cp = cp;
  }

  @Given("the control plane offers its tools to the slice's org token")
  public void theControlPlaneOffersItsTools() {
    assertThat(cp.session().tools()).extracting(t -> t.name()).contains("infra.ensure_app", "infra.list_machines",
        "infra.provision_org", "infra.create_machine", "infra.destroy_machine", "fly.run", "fly.logs");
  }

  @Given("the slice is not provisioned yet")
  public void theSliceIsNotProvisionedYet() {
    cp.unprovisionedSlice();
  }

  @Given("the worker pool app exists")
  public void theWorkerPoolAppExists() {
    assertThat(cp.ensureWorkerPool().error()).as(cp.last().text()).isFalse();
  }

  @Given("the slice's org token has been revoked")
  public void theSlicesOrgTokenHasBeenRevoked() {
    cp.revokeTokenOfEnsuredSlice();
  }

  @When("ops provision the slice through the control plane")
  public void opsProvisionTheSlice() {
    cp.provisionSlice();
  }

  @When("ops ensure the worker pool app {count} through the control plane")
  public void opsEnsureTheWorkerPool(int times) {
    for (int i = 0; i < times; i++) cp.ensure(cp.slice().workerPoolApp());
  }

  @When("ops create a Machine in the worker pool and destroy it again")
  public void opsCreateAndDestroyAMachine() {
    assertThat(cp.createMachineInWorkerPool(cp.slice().region()).error()).as(cp.last().text()).isFalse();
    cp.destroyCreatedMachine();
  }

  @When("ops list the worker pool's Machines through the control plane")
  public void opsListTheWorkerPool() {
    cp.listWorkerPool();
  }

  @When("ops ensure the app {string} through the control plane")
  public void opsEnsureTheApp(String app) {
    cp.ensure(app);
  }

  @When("ops create a Machine in the worker pool in region {string}")
  public void opsCreateAMachineInRegion(String region) {
    cp.createMachineInWorkerPool(region);
  }
}
