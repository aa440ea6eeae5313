package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.contract.ReleaseContract;
import io.artifact.e2e.release.ManifestProblem;
import io.artifact.e2e.release.ReleaseJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.regex.Pattern;

/** AGENT-030: agent releases published on the shared volume, the agents started from them, and exec's verdict. */
public final class ReleaseSteps {

  private final ScenarioWorld world;
  private final ReleaseJourney releases;

  public ReleaseSteps(ScenarioWorld world, ReleaseJourney releases) {
    this.world = world;
    this.releases = releases;
  }


  @Given("{word}, signed in, has her/his/their agent running on the current {string} release")
  public void hasTheirAgentRunningOnTheCurrentRelease(String user, String name) {
    ReleaseJourney.Visit v = releases.agentRunning(user, name);
    assertThat(v.image()).as(user + "'s worker Machine " + v.machineId() + " runs the image the manifest " + releases.manifestFile() + " names")
        .isEqualTo(releases.imageBefore());
  }

  @When("a new {string} release is published")
  public void aNewReleaseIsPublished(String name) {
    releases.publishNewRelease(name);
  }

  @When("a new {string} release is published with {manifestProblem}")
  public void aNewReleaseIsPublishedWith(String name, ManifestProblem problem) {
    releases.publishMalformedRelease(name, problem);
  }

  @Then("{word}'s agent runs on the new release")
  public void theirAgentRunsOnTheNewRelease(String user) {
    ReleaseJourney.Visit v = releases.lastVisitOf(user);
    assertThat(v.image()).as(user + "'s worker Machine " + v.machineId() + ", its image as Fly reports it").isEqualTo(releases.publishedImage());
  }

  @Then("{word}'s agent runs on the release before")
  public void theirAgentRunsOnTheReleaseBefore(String user) {
    ReleaseJourney.Visit v = releases.lastVisitOf(user);
    assertThat(v.image()).as(user + "'s worker Machine " + v.machineId() + ", its image as Fly reports it").isEqualTo(releases.imageBefore());
  }

  @Then("{word}'s agent is still served by the same worker Machine, on the release before")
  public void theirAgentIsStillServedByTheSameMachine(String user) {
    ReleaseJourney.Visit before = releases.firstVisit(user);
    ReleaseJourney.Visit now = releases.revisit(user);
    assertThat(now.machineId()).as(user + "'s agent " + before.agent() + " lands on the Machine it ran on").isEqualTo(before.machineId());
    assertThat(now.started()).as("that Machine is started").isTrue();
    assertThat(now.image()).as("that Machine's image as Fly reports it").isEqualTo(releases.imageBefore());
  }

  @Then("exec has logged that it rejected the manifest, naming the file and what is wrong")
  public void execHasLoggedTheRejection() {
    Pattern rejected = releases.rejection();
    world.eventually("exec's log has a line matching " + rejected + " (" + world.contract().describe(ReleaseContract.REJECTED_LOG) + ")")
        .until(() -> releases.execLog().stream().anyMatch(l -> rejected.matcher(l).find()));
  }

  @Then("no worker Machine runs the rejected release")
  public void noWorkerMachineRunsTheRejectedRelease() {
    String rejected = releases.rejectedImage();
    assertThat(releases.workerMachines()).as("worker pool Machines (positive control: the list can be read and has the agents')").isNotEmpty();
    world.holdsThroughout("no worker Machine, in any state, has the image " + rejected,
        () -> releases.workerMachines().stream().noneMatch(m -> rejected.equals(m.image())));
  }
}
