package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.exec.ExecJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

/** Facts on the shared NFS volume: computers, agents and their instance files. */
public final class NfsSteps {

  private final ScenarioWorld world;
  private final ExecJourney exec;

  public NfsSteps(ScenarioWorld world, ExecJourney exec) {
    this.world = world;
    this.exec = exec;
  }

  @Given("computer {string} has agent {string} on the shared volume")
  public void computerHasAgentOnTheSharedVolume(String computer, String agent) {
    exec.agentOnVolume(computer, agent);
  }

  @Then("the agent's instance file is removed")
  public void theAgentsInstanceFileIsRemoved() {
    world.eventually("the instance file is removed").until(() -> exec.instance().isEmpty());
  }

  @Then("the instance file goes from starting back to queued")
  public void theInstanceFileGoesFromStartingBackToQueued() {
    world.eventually("starting then queued in the instance file history", world.bootBound())
        .untilAsserted(() -> assertThat(exec.history().hardwareSequence()).containsSubsequence("starting", "queued"));
  }
}
