package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.exec.ExecJourney;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** EXEC-010: exec's change notifications and the worker Machines it creates and destroys. */
public final class ExecSteps {

  private final ScenarioWorld world;
  private final ExecJourney exec;
  private String machineId;

  public ExecSteps(ScenarioWorld world, ExecJourney exec) {
    this.world = world;
    this.exec = exec;
  }

  @Given("no worker Machine is running for the computer")
  public void noWorkerMachineIsRunningForTheComputer() {
    assertThat(exec.workerMachines()).isEmpty();
  }

  @Given("the agent's instance is running on a worker Machine")
  public void theAgentsInstanceIsRunningOnAWorkerMachine() {
    exec.queue();
    exec.notifyExec();
    machineId = world.eventually("the instance runs").until(exec::instance, exec::running).get().machineId();
  }

  @Given("the agent's instance is queued")
  public void theAgentsInstanceIsQueued() {
    exec.queue();
  }

  @When("the agent's instance is queued and exec is notified")
  public void theAgentsInstanceIsQueuedAndExecIsNotified() {
    exec.queue();
    exec.notifyExec();
  }

  @When("the instances of {agents} are queued and exec is notified")
  public void theInstancesAreQueuedAndExecIsNotified(List<String> agents) {
    agents.forEach(exec::queue);
    exec.notifyExec();
  }

  @When("exec is notified of the change")
  public void execIsNotifiedOfTheChange() {
    exec.notifyAnyway();
  }

  @When("the agent's instance is marked stopped and exec is notified")
  public void theAgentsInstanceIsMarkedStoppedAndExecIsNotified() {
    exec.markStopped();
    exec.notifyExec();
  }

  @When("the instance(s) of {agents} is/are marked stopped and exec is notified")
  public void theInstancesAreMarkedStoppedAndExecIsNotified(List<String> agents) {
    agents.forEach(exec::markStopped);
    exec.notifyExec();
  }

  @Given("its worker Machine has been destroyed behind exec's back")
  public void itsWorkerMachineHasBeenDestroyedBehindExecsBack() {
    exec.destroyBehindExecsBack(machineId);
  }

  @Then("a worker Machine labelled with the computer appears")
  public void aWorkerMachineLabelledWithTheComputerAppears() {
    List<MachineInfo> machines = world.eventually("a worker Machine for " + exec.computer()).until(exec::workerMachines, l -> !l.isEmpty());
    machineId = machines.get(0).id();
  }

  @Then("the instance file reaches running with that Machine")
  public void theInstanceFileReachesRunningWithThatMachine() {
    InstanceFile running = world.eventually("the instance runs").until(exec::instance, exec::running).get();
    assertThat(running.machineId()).as("Machine id in the instance file").isEqualTo(machineId);
  }

  @Then("the instance file reaches running on a second worker Machine")
  public void theInstanceFileReachesRunningOnASecondWorkerMachine() {
    InstanceFile running = world.eventually("the instance runs again", world.bootBound()).until(exec::instance, exec::running).get();
    assertThat(exec.history().machineIds()).as("Machines the instance file named").hasSizeGreaterThanOrEqualTo(2).last().isEqualTo(running.machineId());
  }

  @Then("the agent's worker Machine is destroyed")
  public void theAgentsWorkerMachineIsDestroyed() {
    world.eventually("the worker Machine " + machineId + " is gone").until(() -> exec.workerMachines().stream().noneMatch(m -> m.id().equals(machineId)));
  }

  @Then("computer {string} has {int} worker Machine(s)")
  public void computerHasWorkerMachines(String computer, int count) {
    world.eventually(count + " worker Machines for computer " + computer).until(() -> exec.workerMachinesOfComputer(computer), l -> l.size() == count);
  }

  @Then("the instance files of {agents} are running, each on a worker Machine of its own")
  public void theInstanceFilesAreRunningEachOnItsOwnMachine(List<String> agents) {
    List<String> machines = agents.stream()
        .map(a -> world.eventually("the instance of " + a + " runs").until(() -> exec.instance(a), exec::running).get().machineId()).toList();
    assertThat(machines).as("Machines the instance files of " + agents + " name").doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(exec.workerMachines()).extracting(MachineInfo::id).contains(id));
  }

  @Then("no worker Machine is left for the computer")
  public void noWorkerMachineIsLeftForTheComputer() {
    world.eventually("no worker Machine for " + exec.computer()).until(exec::workerMachines, List::isEmpty);
  }
}
