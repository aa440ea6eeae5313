package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.mcp.ControlPlaneGuards;
import io.artifact.e2e.mcp.ControlPlaneScenario;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** CONTROL-040's guards: flyctl off the allow-list, and secret values never shown again. */
public final class ControlPlaneGuardSteps {

  private final ScenarioWorld world;
  private final ControlPlaneScenario cp;
  private final ControlPlaneGuards guards;

  public ControlPlaneGuardSteps(ScenarioWorld world, ControlPlaneScenario cp, ControlPlaneGuards guards) {
    this.world = world;
    this.cp = cp;
    this.guards = guards;
  }

  @Given("the worker pool has a Machine created through the control plane")
  public void theWorkerPoolHasAMachine() {
    assertThat(cp.ensureWorkerPool().error()).as(cp.last().text()).isFalse();
    assertThat(cp.createMachineInWorkerPool(cp.slice().region()).error()).as(cp.last().text()).isFalse();
  }

  @When("ops destroy that Machine with flyctl through the control plane")
  public void opsDestroyThatMachineWithFlyctl() {
    guards.destroyCreatedMachineWithFlyctl();
  }

  @When("ops set a Clerk secret on the worker pool through the control plane")
  public void opsSetAClerkSecret() {
    assertThat(guards.setClerkSecretOnWorkerPool().error()).as("infra.set_secret answered: " + world.redactor().redact(cp.last().text())).isFalse();
  }

  @When("ops pass a Fly token to flyctl as an argument through the control plane")
  public void opsPassAFlyTokenToFlyctl() {
    guards.passFlyTokenToFlyctl();
  }

  @Then("the audit trail shows a refused {string} call for the worker pool")
  public void theAuditTrailShowsARefusalForTheWorkerPool(String tool) {
    assertThat(cp.audit(cp.slice().workerPoolApp())).as("audit entries for " + cp.slice().workerPoolApp())
        .anySatisfy(e -> assertThat(e.tool() + " " + e.outcome()).startsWith(tool + " refused: "));
  }

  @Then("Fly still reports that Machine")
  public void flyStillReportsThatMachine() {
    world.holdsThroughout("Fly lists Machine " + cp.createdMachine() + ", not destroyed", guards::createdMachineStillThere);
  }

  @Then("the secret's value shows in no tool answer, in no audit entry and in no log line")
  public void theSecretShowsNowhere() {
    assertThat(guards.whereSecretsShow()).as("places that show the secret value (masked here)").isEmpty();
  }
}
