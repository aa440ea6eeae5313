package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.mcp.AlertRecord;
import io.artifact.e2e.mcp.AuditRecord;
import io.artifact.e2e.mcp.ControlPlaneScenario;
import io.artifact.e2e.mcp.OrgManifestView;
import io.artifact.e2e.mcp.ToolCall;
import io.cucumber.java.en.Then;

/** CONTROL-040 verdicts: what the control plane answered, audited and alerted, and what Fly says. */
public final class McpVerdictSteps {

  private final ControlPlaneScenario cp;

  public McpVerdictSteps(ControlPlaneScenario cp) {
    this.cp = cp;
  }

  @Then("the org manifest names the slice's apps, volume and Machines with image digests")
  public void theOrgManifestNamesTheSlice() {
    ToolCall manifest = cp.provisioned();
    assertThat(manifest.error()).as(manifest.text()).isFalse();
    assertThat(OrgManifestView.of(manifest)).isEqualTo(cp.expectedManifest());
    assertThat(cp.digestsDisagreeingWithFly()).as("image digests the manifest and Fly disagree on, or that are no digests").isEmpty();
  }

  @Then("listing the slice's Machines through the control plane shows each one started")
  public void listingShowsEachStarted() {
    assertThat(cp.startedMachines()).extracting(m -> m.get("id")).containsExactlyInAnyOrderElementsOf(OrgManifestView.machineIds(cp.provisioned()));
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

  @Then("no Machine has been added to the worker pool")
  public void noMachineHasBeenAddedToTheWorkerPool() {
    assertThat(cp.machinesAddedToWorkerPool()).as("worker pool Machines per Fly, new since the pool was ensured").isEmpty();
  }
}
