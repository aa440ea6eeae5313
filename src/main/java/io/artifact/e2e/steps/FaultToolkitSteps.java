package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.contract.FaultObservables;
import io.artifact.e2e.exec.ExecJourney;
import io.artifact.e2e.fault.FaultJourney;
import io.artifact.e2e.fault.SteadyState;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The fault toolkit (runbook Phase 4): steady state, the faults, their revert, and what the stack did meanwhile. */
public final class FaultToolkitSteps {

  private final ScenarioWorld world;
  private final FaultJourney faults;
  private final IngressJourney ingress;
  private final ExecJourney exec;
  private final RouterSteps router;
  private io.artifact.e2e.clerk.SessionToken session;

  public FaultToolkitSteps(ScenarioWorld world, FaultJourney faults, IngressJourney ingress, ExecJourney exec, RouterSteps router) {
    this.world = world;
    this.faults = faults;
    this.ingress = ingress;
    this.exec = exec;
    this.router = router;
  }





  @Given("the stack is in its steady state")
  public void theStackIsInItsSteadyState() {
    SteadyState.Verdict v = faults.steadyStateBefore();
    assertThat(v.findings()).as("steady state before any fault (Phase 0 baseline)").isEmpty();
  }

  @Then("once the fault is reverted the stack is back in its steady state")
  public void onceTheFaultIsRevertedTheStackIsBackInItsSteadyState() {
    SteadyState.Verdict v = faults.revertAndProbe();
    assertThat(v.applicable()).as("steady state applies to this slice").isTrue();
    assertThat(v.findings()).as("steady state after the revert").isEmpty();
  }

  @When("the fault is reverted")
  public void theFaultIsReverted() {
    faults.revertAll();
  }

  @When("{word}, signed in with a session that expires after {int} second(s), opens the base domain in her/his/their browser")
  public void signedInWithAnExpiringSessionOpensTheBaseDomain(String name, int seconds) {
    session = faults.openWithExpiringSession(name, java.time.Duration.ofSeconds(seconds));
  }

  @When("her/his/their session has expired")
  public void theSessionHasExpired() {
    faults.awaitExpiry(session);
  }

  @Given("the router's Clerk secret has been flipped to an invalid value")
  public void theRoutersClerkSecretHasBeenFlippedToAnInvalidValue() {
    faults.flipRouterSecret();
  }

  @When("{word} opens the base domain again")
  public void opensTheBaseDomainAgain(String name) {
    ingress.openBaseDomainAgain();
  }

  @When("the agent's instance file is {drift} behind exec's back")
  public void theAgentsInstanceFileDrifts(String drift) {
    faults.drift(drift);
  }

  @Then("exec answers with {execAnswer}")
  public void execAnswersWith(String answer) {
    FaultJourney.ExecAnswer got = faults.lastExecAnswer();
    if (answer.equals("nothing to change")) {
      assertThat(got).as("exec's answer to the change notification").isEqualTo(new FaultJourney.ExecAnswer(200, 0));
    } else {
      assertThat(got.status()).as("exec's answer, " + world.contract().describe(FaultObservables.EXEC_RECONCILE_ERROR_STATUS))
          .isEqualTo(world.contract().number(FaultObservables.EXEC_RECONCILE_ERROR_STATUS));
    }
  }

  @Then("the instance file is running again on the only worker Machine it ever named")
  public void theInstanceFileIsRunningAgainOnTheOnlyWorkerMachineItEverNamed() {
    var running = world.eventually("the instance file reads running").until(exec::instance, i -> i.map(f -> f.hardware().equals("running")).orElse(false)).get();
    assertThat(exec.history().machineIds()).as("Machines the instance file named").containsExactly(running.machineId());
    assertThat(exec.workerMachines()).as("worker Machines of the computer").extracting(m -> m.id()).containsExactly(running.machineId());
  }

  @Given("the link from the router to exec suffers {}")
  public void theLinkFromTheRouterToExecSuffers(String perturbation) {
    faults.perturbRouterToExec(perturbation);
  }

  @Then("within the router's bound the caller {routerAnswer}")
  public void withinTheRoutersBoundTheCaller(RouterAnswer answer) {
    assertThat(ingress.lastVisit()).as("the whole visit, every redirect included (the router's bound)").isLessThanOrEqualTo(world.visitBound());
    router.theCallerGets(answer);
  }

  @Then("the router's kick to exec {kick}")
  public void theRoutersKickToExec(String kick) {
    assertThat(ingress.routerLog()).as("the router's log (positive control: it can be read and has lines)").isNotEmpty();
    switch (kick) {
      case "got through without a retry" -> world.holdsThroughout("no retried kick in the router's log",
          () -> faults.routerLogMatching(FaultObservables.ROUTER_KICK_RETRY_LOG).isEmpty());
      case "got through after a retry" -> world.eventually("the router logged a retried kick that got through").until(() ->
          !faults.routerLogMatching(FaultObservables.ROUTER_KICK_RETRY_LOG).isEmpty()
              && !faults.routerLogMatching(FaultObservables.ROUTER_KICK_THROUGH_LOG).isEmpty());
      default -> world.eventually("the router logged retried kicks, then gave up").until(() ->
          !faults.routerLogMatching(FaultObservables.ROUTER_KICK_RETRY_LOG).isEmpty()
              && !faults.routerLogMatching(FaultObservables.ROUTER_EXEC_UNAVAILABLE_LOG).isEmpty());
    }
  }
}
