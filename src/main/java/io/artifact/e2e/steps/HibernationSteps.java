package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.worker.HibernationJourney;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** WORKER-020: an agent's worker Machine left idle or stopped behind the stack's back, and the user's next visit. */
public final class HibernationSteps {

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private final HibernationJourney worker;

  public HibernationSteps(ScenarioWorld world, IngressJourney ingress, HibernationJourney worker) {
    this.world = world;
    this.ingress = ingress;
    this.worker = worker;
  }

  @Given("{word}, signed in, has landed on her/his/their agent's page")
  public void hasLandedOnTheAgentsPage(String name) {
    IngressJourney.Landing landing = worker.landOnAgent(name);
    assertThat(landing.machineId()).as("Machine the running instance file of " + landing.agent() + " names").isNotBlank();
    assertThat(worker.startedWhenItServed(ingress.lastVisitEnded())).as("Fly reports the worker Machine that served the page started").isTrue();
  }

  @When("nobody visits her/his/their agent")
  public void nobodyVisitsTheAgent() {
    worker.leaveIdle();
  }

  @When("her/his/their agent's worker Machine is force-stopped behind the stack's back")
  public void theWorkerMachineIsForceStoppedBehindTheStacksBack() {
    worker.stopBehindTheStacksBack();
  }

  @Then("Fly reports her/his/their agent's worker Machine suspended once the idle window has passed")
  public void flyReportsTheWorkerMachineSuspended() {
    worker.awaitIdleState();
  }

  @When("{word} comes back to her/his/their agent's page")
  public void comesBackToTheAgentsPage(String name) {
    worker.comeBack(name);
  }

  @Then("it is the same worker Machine, woken by her/his/their visit with the agent still loaded")
  public void itIsTheSameWorkerMachineWokenByTheVisit() {
    String running = world.contract().value(Contract.INSTANCE_RUNNING);
    assertThat(ingress.landing().machineId()).as("Machine serving the agent now").isEqualTo(worker.first().machineId());
    assertThat(worker.machine("woken").started()).as("Fly reports it started").isTrue();
    assertThat(worker.history().hardwareSequence()).as("the instance file while the Machine slept and woke, "
        + world.contract().describe(Contract.INSTANCE_RUNNING) + "; history: " + worker.history().report()).containsExactly(running);
    assertThat(worker.history().machineIds()).as("Machines the instance file named").containsExactly(worker.first().machineId());
  }

  @Then("the Machine serving her/him/them is her/his/their computer's only worker Machine")
  public void theMachineServingThemIsTheOnlyWorkerMachine() {
    assertThat(worker.computersWorkers()).as("worker Machines labelled with the computer, not destroyed")
        .singleElement().satisfies(m -> assertThat(m.started()).as(m.id() + " is " + m.state()).isTrue())
        .extracting(MachineInfo::id).isEqualTo(ingress.landing().machineId());
  }
}
