package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.health.BaselineCheck;
import io.artifact.e2e.health.BaselineReport;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.StackApp;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Phase 0 baseline health: run the check, then judge its verdict and reasons. */
public final class BaselineSteps {

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;
  private BaselineReport report;

  public BaselineSteps(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  @When("ops run the baseline health check")
  public void opsRunTheBaselineHealthCheck() {
    report = new BaselineCheck(world.fly(), provisioner.blueprint(), world.contract()).run();
    world.evidence().json("machine-list-snapshot.json", report.machines());
    world.evidence().text("nfs-log-excerpt.txt", String.join("\n", report.nfsLog()));
    world.evidence().json("baseline-findings.json", report.findings());
  }

  @Then("the baseline is healthy")
  public void theBaselineIsHealthy() {
    assertThat(report.findings()).as("baseline findings").isEmpty();
  }

  /** The finding names the app by its role ("router env DC_WORKER_POOL_APP is 'org9-worker-pool'"), as BaselineCheck words it. */
  @Then("the baseline fails because {stackApp}'s env {word} is {string}")
  public void theBaselineFailsBecauseOfEnv(StackApp app, String key, String value) {
    theBaselineFailsBecause((app == StackApp.ROUTER ? "router" : "exec") + " env " + key + " is '" + value + "'");
  }

  @Then("the baseline fails because {string}")
  public void theBaselineFailsBecause(String reason) {
    assertThat(report.healthy()).as("baseline verdict").isFalse();
    assertThat(report.findings()).as("baseline findings").anySatisfy(f -> assertThat(f).contains(reason));
  }
}
