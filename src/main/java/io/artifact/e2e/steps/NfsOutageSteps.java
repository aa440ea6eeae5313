package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.contract.RetryAfter;
import io.artifact.e2e.exec.ExecJourney;
import io.artifact.e2e.fault.NfsOutageJourney;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.StackApp;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.List;

/** FAULT-050: the NFS Machine down and back, how router and exec back off, alert and recover. */
public final class NfsOutageSteps {

  private final ScenarioWorld world;
  private final NfsOutageJourney outage;
  private final ExecJourney exec;

  public NfsOutageSteps(ScenarioWorld world, NfsOutageJourney outage, ExecJourney exec) {
    this.world = world;
    this.outage = outage;
    this.exec = exec;
  }


  @When("the NFS Machine stays {word} for longer than the grace period")
  public void theNfsMachineStaysDown(String how) {
    outage.holdThroughTheGracePeriod(how);
  }

  @When("the NFS Machine is back")
  public void theNfsMachineIsBack() {
    outage.bringBack();
  }

  @Then("{stackApp} asks the caller to retry later")
  public void asksTheCallerToRetryLater(StackApp app) {
    NfsOutageJourney.Answer answer = outage.lastAnswer(app);
    assertThat(answer.status()).as(app + "'s answer, " + world.contract().describe(Contract.NFS_OUTAGE_STATUS))
        .isEqualTo(world.contract().number(Contract.NFS_OUTAGE_STATUS));
    assertThat(answer.backoff()).as(app + "'s answer carries " + world.contract().describe(Contract.NFS_OUTAGE_BACKOFF_HEADER)
        + " as delay-seconds or an HTTP-date").hasValueSatisfying(v -> assertThat(RetryAfter.valid(v)).as("'" + v + "' is a delay").isTrue());
    assertThat(answer.body()).as(app + "'s answer says what is wrong").isNotBlank();
  }

  @Then("{stackApp} has raised an alert for the NFS outage after the grace period")
  public void hasRaisedAnAlert(StackApp app) {
    String what = app + " logs " + world.contract().describe(Contract.ALERT_MARKER) + " naming " + world.contract().describe(Contract.NFS_OUTAGE_ALERT);
    List<LogLine> alerts;
    try {
      alerts = world.eventually(what).until(() -> outage.alerts(app), l -> !l.isEmpty());
    } finally {
      outage.attachLog(app);
    }
    Instant due = outage.requestedAt().plus(outage.gracePeriod());
    assertThat(Instant.parse(alerts.get(0).timestamp())).as("when " + app + " raised the alert: not before the "
        + outage.gracePeriod().toMillis() + " ms grace period after the NFS Machine was taken down (" + due + ")").isAfterOrEqualTo(due);
  }

  @Then("every instance file on the shared volume before the outage is still there")
  public void everyInstanceFileIsStillThere() {
    assertThat(outage.filesBefore()).as("instance files noted before the outage (positive control)").isNotEmpty();
    assertThat(outage.lostSinceTheOutage()).as("instance files lost or unreadable since the outage").isEmpty();
  }

  @Then("exec brings the agent's instance to running by itself")
  public void execBringsTheInstanceToRunningByItself() {
    String running = world.contract().value(Contract.INSTANCE_RUNNING);
    world.eventually("exec reconciles the change it could not read during the outage, without another notification", world.bootBound())
        .until(exec::instance, i -> i.map(f -> running.equals(f.hardware())).orElse(false));
  }
}
