package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.mcp.AlertRecord;
import io.artifact.e2e.mcp.AuditRecord;
import io.artifact.e2e.mcp.ControlPlaneScenario;
import io.artifact.e2e.mcp.OrgManifestView;
import io.artifact.e2e.mcp.ToolCall;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;


/** CONTROL-040: the control plane's tools, refusals, audit trail and alerts. */
public final class McpSteps {

  private final ControlPlaneScenario cp;
  private ToolCall manifest;

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
    assertThat(cp.unprovisionedSlice()).as("slice apps that already exist").isEmpty();
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
    manifest = cp.provisionSlice();
  }

  @When("ops ensure the worker pool app twice through the control plane")
  public void opsEnsureTheWorkerPoolTwice() {
    cp.ensure(cp.slice().workerPoolApp());
    cp.ensure(cp.slice().workerPoolApp());
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

  @Then("the org manifest names the slice's apps, volume and Machines with image digests")
  public void theOrgManifestNamesTheSlice() {
    assertThat(manifest.error()).as(manifest.text()).isFalse();
    assertThat(OrgManifestView.of(manifest)).isEqualTo(cp.expectedManifest());
  }

  @Then("listing the slice's Machines through the control plane shows each one started")
  public void listingShowsEachStarted() {
    assertThat(cp.startedMachines()).extracting(m -> m.get("id")).containsExactlyInAnyOrderElementsOf(OrgManifestView.machineIds(manifest));
  }

  @Then("the first ensure created the app and the second found it already there")
  public void theFirstEnsureCreatedTheSecondFound() {
    assertThat(cp.calls()).extracting(c -> c.error() ? "error: " + c.text() : "created=" + c.get("created"))
        .containsExactly("created=true", "created=false");
  }

  @Then("the audit trail shows {int} successful {string} calls for the worker pool")
  public void theAuditTrailShowsSuccessfulCalls(int count, String tool) {
    assertThat(cp.audit(cp.slice().workerPoolApp())).filteredOn(e -> e.tool().equals(tool) && e.ok()).hasSize(count);
  }

  @Then("the audit trail shows successful {string} and {string} calls for the worker pool")
  public void theAuditTrailShowsBoth(String first, String second) {
    assertThat(cp.audit(cp.slice().workerPoolApp())).filteredOn(AuditRecord::ok).extracting(AuditRecord::tool).contains(first, second);
  }

  @Then("Fly reports that Machine destroyed")
  public void flyReportsThatMachineDestroyed() {
    assertThat(cp.flyStateOfCreatedMachine()).isEqualTo("destroyed");
  }

  @Then("the call is refused with {string}")
  public void theCallIsRefusedWith(String reason) {
    assertThat(cp.last().error()).as("call refused: " + cp.last().text()).isTrue();
    assertThat(cp.last().text()).contains(reason);
  }

  @Then("the call fails naming the argument {string}")
  public void theCallFailsNamingTheArgument(String argument) {
    assertThat(cp.last().error()).as("call failed").isTrue();
    assertThat(cp.last().text()).contains("invalid arguments").contains(argument + ":");
  }

  @Then("an alert {string} is raised for the slice")
  public void anAlertIsRaised(String kind) {
    assertThat(cp.alerts()).extracting(AlertRecord::kind).contains(kind);
  }

  @Then("the audit trail shows a refused {string} call for {string}")
  public void theAuditTrailShowsARefusal(String tool, String app) {
    assertThat(cp.audit(app)).anySatisfy(e -> assertThat(e.tool() + " " + e.outcome()).startsWith(tool + " refused: "));
  }

  @Then("the worker pool still has no Machines")
  public void theWorkerPoolStillHasNoMachines() {
    assertThat(cp.workerPoolMachinesPerFly()).isEmpty();
  }

}
