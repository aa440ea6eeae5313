package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.clerk.BadSession;
import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.router.AccessJourney;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.router.SessionJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** ROUTER-001's adversarial side: sessions Clerk rejects, and a user reaching for another user's computer (G7). */
public final class SessionSteps {

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private final SessionJourney sessions;
  private final AccessJourney access;

  public SessionSteps(ScenarioWorld world, IngressJourney ingress, SessionJourney sessions, AccessJourney access) {
    this.world = world;
    this.ingress = ingress;
    this.sessions = sessions;
    this.access = access;
  }

  @Given("{word} holds a session that is {badSession}")
  public void holdsABadSession(String name, BadSession kind) {
    sessions.holdBadSession(name, kind);
  }

  @When("{word} opens the base domain with that session in her/his/their browser")
  public void opensWithItInTheBrowser(String name) {
    sessions.openBaseDomainFromBrowser(name);
  }

  @When("{word} opens the base domain with that session from an API client")
  public void opensWithItFromAnApiClient(String name) {
    sessions.openBaseDomainFromApiClient(name);
  }

  @Given("{word}, signed in, has landed on her/his/their agent")
  public void hasLandedOnTheirAgent(String name) {
    access.ownerLands(name);
  }

  @When("{word}, signed in, opens {word}'s {place} host in her/his/their browser")
  public void opensAnotherUsersHost(String name, String owner, String place) {
    access.otherUserOpens(name, owner, place);
  }

  @Then("the caller is refused as not allowed to reach that computer")
  public void theCallerIsRefusedAsNotAllowed() {
    assertThat(ingress.lastAnswer().status()).as("router answer from %s, %s", ingress.lastAnswer().url(),
        world.contract().describe(Contract.FORBIDDEN_STATUS)).isEqualTo(world.contract().number(Contract.FORBIDDEN_STATUS));
  }

  @Then("nothing of {word}'s has been touched: her/his/their instance files and worker Machines are as they were")
  public void nothingOfTheOwnersHasBeenTouched(String owner) {
    assertThat(access.changesWithinSettleWindow()).as(owner + "'s instance files and worker Machines, changed since she landed").isEmpty();
  }
}
