package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.contract.FaultObservables;
import io.artifact.e2e.contract.Json;
import io.artifact.e2e.router.Exchange;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** ROUTER-001: callers at the public edge, the Clerk secret, and what the router answered and logged. */
public final class RouterSteps {

  private final ScenarioWorld world;
  private final IngressJourney ingress;

  public RouterSteps(ScenarioWorld world, IngressJourney ingress) {
    this.world = world;
    this.ingress = ingress;
  }

  @Given("what the worker pool and the shared volume already hold is noted")
  public void whatTheWorkerPoolAndTheSharedVolumeHoldIsNoted() {
    ingress.noteWhatIsAlreadyThere();
  }

  @Given("the router holds its Clerk secret")
  public void theRouterHoldsItsClerkSecret() {
    assertThat(world.fly().secretNames(world.slice().routerApp())).contains("CLERK_SECRET_KEY");
  }

  @Given("the router's Clerk secret has been removed")
  public void theRoutersClerkSecretHasBeenRemoved() {
    ingress.removeClerkSecret();
  }

  @Given("the router's Clerk secret was removed and then restored")
  public void theRoutersClerkSecretWasRemovedAndThenRestored() {
    ingress.removeClerkSecret();
    ingress.restoreClerkSecret();
  }

  @When("{caller} opens the base domain")
  public void opensTheBaseDomain(Visitor caller) {
    ingress.openBaseDomain(caller.resolve(ingress));
  }

  @When("{caller} opens her/his/their computer host before ever opening the base domain")
  public void opensTheComputerHostFirst(Visitor caller) {
    ingress.openComputerHost(caller.resolve(ingress), caller.name());
  }

  @Then("the caller {routerAnswer}")
  public void theCallerGets(RouterAnswer answer) {
    switch (answer) {
      case SIGN_IN -> sentToSignIn();
      case UNAUTHENTICATED -> refusedAsUnauthenticated();
      case LANDS -> theCallerLandsOnTheirAgentsPage();
      case EXEC_UNAVAILABLE -> toldExecIsUnavailable();
      case NO_COMPUTER -> toldTheComputerDoesNotExist();
    }
  }

  private void sentToSignIn() {
    Exchange answer = ingress.lastAnswer();
    assertThat(answer.status()).as("router answer, " + world.contract().describe(Contract.SIGN_IN_REDIRECT_STATUS))
        .isEqualTo(world.contract().number(Contract.SIGN_IN_REDIRECT_STATUS));
    assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).startsWith(ingress.signInUrl())
        .contains("redirect_url=" + URLEncoder.encode(ingress.baseUrl(), StandardCharsets.UTF_8)));
  }

  private void refusedAsUnauthenticated() {
    assertThat(ingress.lastAnswer().status()).as("router answer, " + world.contract().describe(Contract.UNAUTHENTICATED_STATUS))
        .isEqualTo(world.contract().number(Contract.UNAUTHENTICATED_STATUS));
    assertThat(Json.tree(ingress.lastAnswer().body())).as("router answer body, " + world.contract().describe(Contract.UNAUTHENTICATED_BODY))
        .isEqualTo(Json.tree(world.contract().value(Contract.UNAUTHENTICATED_BODY)));
  }

  private void theCallerLandsOnTheirAgentsPage() {
    Exchange last = ingress.lastAnswer();
    assertThat(last.status()).as("final answer after the redirects, from %s: %.200s", last.url(), last.body()).isEqualTo(200);
    IngressJourney.Landing landing = ingress.landing();
    assertThat(landing.computer()).as("computer in the agent host " + ingress.lastAnswer().url()).isEqualTo(ingress.computer().orElseThrow());
    assertThat(landing.machineId()).as("Machine the running instance file of " + landing.agent() + " names").isNotBlank();
    assertThat(ingress.workerMachines("after")).as("started worker Machines labelled with the caller's computer")
        .anyMatch(m -> m.id().equals(landing.machineId()) && m.started()
            && landing.computer().equals(m.metadata().get(world.contract().value(Contract.WORKER_COMPUTER_LABEL))));
  }

  private void toldExecIsUnavailable() {
    Exchange last = ingress.lastAnswer();
    assertThat(last.status()).as("router answer, " + world.contract().describe(FaultObservables.ROUTER_EXEC_UNAVAILABLE_STATUS))
        .isEqualTo(world.contract().number(FaultObservables.ROUTER_EXEC_UNAVAILABLE_STATUS));
    assertThat(last.body()).as("router answer body").containsPattern(world.contract().pattern(FaultObservables.ROUTER_EXEC_UNAVAILABLE_LOG));
  }

  private void toldTheComputerDoesNotExist() {
    Exchange last = ingress.lastAnswer();
    assertThat(last.status()).as("router answer from %s, %s: %.200s", last.url(), world.contract().describe(Contract.COMPUTER_NOT_FOUND_STATUS), last.body())
        .isEqualTo(world.contract().number(Contract.COMPUTER_NOT_FOUND_STATUS));
    assertThat(last.body()).as("router answer body, " + world.contract().describe(Contract.COMPUTER_NOT_FOUND_BODY))
        .contains(world.contract().value(Contract.COMPUTER_NOT_FOUND_BODY));
  }

  @Then("{word}'s computer runs {int} agent(s), on {int} worker Machine(s)")
  public void theComputerRuns(String name, int agents, int machines) {
    assertThat(ingress.runningAgentsOf(name)).as(name + "'s agents with an instance file").hasSize(agents);
    assertThat(ingress.workerMachinesOf(name)).as("worker Machines labelled with " + name + "'s computer").hasSize(machines);
  }

  @Then("the router has logged an authentication failure")
  public void theRouterHasLoggedAnAuthenticationFailure() {
    var failure = world.contract().pattern(Contract.ROUTER_AUTH_FAILURE_LOG);
    world.eventually("router log shows " + world.contract().describe(Contract.ROUTER_AUTH_FAILURE_LOG))
        .until(() -> ingress.routerLogSinceStart().stream().anyMatch(l -> failure.matcher(l).find()));
  }

  @Then("the router has logged no authentication failure")
  public void theRouterHasLoggedNoAuthenticationFailure() {
    var failure = world.contract().pattern(Contract.ROUTER_AUTH_FAILURE_LOG);
    assertThat(ingress.routerLog()).as("the router's log (positive control: it can be read and has lines)").isNotEmpty();
    world.holdsThroughout("no router log line matches " + world.contract().describe(Contract.ROUTER_AUTH_FAILURE_LOG),
        () -> ingress.routerLogSinceStart().stream().noneMatch(l -> failure.matcher(l).find()));
  }

  @Then("exec has started nothing: no new instance file and no new worker Machine")
  public void execHasStartedNothing() {
    assertThat(ingress.computersOnTheVolume()).as("the shared volume (positive control: it can be listed)").isNotNull();
    world.holdsThroughout("no new instance file and no new worker Machine",
        () -> ingress.newInstanceFiles().isEmpty() && ingress.newWorkerMachines().isEmpty());
  }
}
