package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.contract.Json;
import io.artifact.e2e.router.Caller;
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

  @Given("nothing is running in the worker pool yet")
  public void nothingIsRunningInTheWorkerPoolYet() {
    assertThat(ingress.workerMachines("before")).as("worker pool Machines").isEmpty();
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

  @When("a signed-out browser opens the base domain")
  public void aSignedOutBrowserOpensTheBaseDomain() {
    ingress.openBaseDomain(Caller.signedOutBrowser());
  }

  @When("a signed-out API client opens the base domain")
  public void aSignedOutApiClientOpensTheBaseDomain() {
    ingress.openBaseDomain(Caller.signedOutApiClient());
  }

  @When("{word}, signed in, opens the base domain in her/his/their browser")
  public void signedInUserOpensTheBaseDomain(String name) {
    ingress.openBaseDomain(ingress.signedInBrowser(name));
  }

  @Then("the caller is sent to the Clerk sign-in page, with a way back to the base domain")
  public void theCallerIsSentToSignIn() {
    Exchange answer = ingress.lastAnswer();
    assertThat(answer.status()).as("router answer, " + world.contract().describe(Contract.SIGN_IN_REDIRECT_STATUS))
        .isEqualTo(world.contract().number(Contract.SIGN_IN_REDIRECT_STATUS));
    assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).startsWith(ingress.signInUrl())
        .contains("redirect_url=" + URLEncoder.encode(ingress.baseUrl(), StandardCharsets.UTF_8)));
  }

  @Then("the caller is refused as unauthenticated")
  public void theCallerIsRefusedAsUnauthenticated() {
    assertThat(ingress.lastAnswer().status()).as("router answer, " + world.contract().describe(Contract.UNAUTHENTICATED_STATUS))
        .isEqualTo(world.contract().number(Contract.UNAUTHENTICATED_STATUS));
    assertThat(Json.tree(ingress.lastAnswer().body())).as("router answer body, " + world.contract().describe(Contract.UNAUTHENTICATED_BODY))
        .isEqualTo(Json.tree(world.contract().value(Contract.UNAUTHENTICATED_BODY)));
  }

  @Then("the caller lands on their agent's page, served by a worker Machine of their computer")
  public void theCallerLandsOnTheirAgentsPage() {
    Exchange last = ingress.lastAnswer();
    assertThat(last.status()).as("final answer after the redirects, from %s: %.200s", last.url(), last.body()).isEqualTo(200);
    IngressJourney.Landing landing = ingress.landing();
    assertThat(landing.computer()).as("computer in the agent host " + ingress.lastAnswer().url()).isEqualTo(ingress.computer().orElseThrow());
    assertThat(landing.machineId()).as("Machine the running instance file of " + landing.agent() + " names").isNotBlank();
    assertThat(ingress.workerMachines("after")).as("started worker Machines labelled with the caller's computer")
        .anyMatch(m -> m.id().equals(landing.machineId()) && m.started()
            && landing.computer().equals(m.metadata().get(world.contract().value(Contract.WORKER_COMPUTER_LABEL))));
  }

  @Then("the router has logged an authentication failure")
  public void theRouterHasLoggedAnAuthenticationFailure() {
    var failure = world.contract().pattern(Contract.ROUTER_AUTH_FAILURE_LOG);
    world.eventually("router log shows " + world.contract().describe(Contract.ROUTER_AUTH_FAILURE_LOG))
        .until(() -> ingress.routerLog().stream().anyMatch(l -> failure.matcher(l).find()));
  }

  @Then("the router has logged no authentication failure")
  public void theRouterHasLoggedNoAuthenticationFailure() {
    var failure = world.contract().pattern(Contract.ROUTER_AUTH_FAILURE_LOG);
    assertThat(ingress.routerLog()).as("the router's log (positive control: it can be read and has lines)").isNotEmpty();
    world.holdsThroughout("no router log line matches " + world.contract().describe(Contract.ROUTER_AUTH_FAILURE_LOG),
        () -> ingress.routerLog().stream().noneMatch(l -> failure.matcher(l).find()));
  }

  @Then("exec has started nothing: no instance file and no worker Machine")
  public void execHasStartedNothing() {
    assertThat(ingress.computersOnTheVolume()).as("the shared volume (positive control: it can be listed)").isNotNull();
    world.holdsThroughout("no instance file and no worker Machine",
        () -> ingress.instanceFiles().isEmpty() && ingress.workerMachines("after").isEmpty());
  }
}
