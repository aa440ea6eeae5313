package io.artifact.e2e.fault;

import io.artifact.e2e.contract.Observable;
import io.artifact.e2e.exec.ExecJourney;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.clerk.SessionToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The runbook's fault toolkit as ops walk it (Phase 4): the stack's steady state first, one fault
 * (a flipped secret, a drifted instance file, a bad router→exec link), what the stack did about
 * it, the revert, and the steady state again. Every fault goes through the scenario's
 * {@link FaultRecord}, so it is reverted at teardown even when a step fails before the revert step.
 */
public final class FaultJourney {

  /** What exec said to a change notification: its status and, on 200, its changeCount. */
  public record ExecAnswer(int status, int changeCount) {}

  /** Clerk's allowed clock skew when it checks {@code exp} (fly-facts.md §9.2). */
  private static final Duration CLERK_CLOCK_SKEW = Duration.ofSeconds(5);

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private final ExecJourney exec;

  public FaultJourney(ScenarioWorld world, IngressJourney ingress, ExecJourney exec) {
    this.world = world;
    this.ingress = ingress;
    this.exec = exec;
  }

  public SteadyState.Verdict steadyStateBefore() {
    return record(world.faultRecord().steadyStateBefore());
  }

  /** Reverts every fault now (newest first), then probes the hypothesis (bounded wait for the stack to settle). */
  public SteadyState.Verdict revertAndProbe() {
    world.faultRecord().revertAll();
    return record(world.faultRecord().steadyStateAfter());
  }

  public void revertAll() {
    world.faultRecord().revertAll();
  }

  /** Signs {@code name} in with a session whose token expires after {@code lifetime} (a toolkit fault), and opens the base domain. */
  public SessionToken openWithExpiringSession(String name, Duration lifetime) {
    SessionToken[] token = new SessionToken[1];
    ingress.openBaseDomain(ingress.signedInBrowser(name, user -> token[0] = new TokenFaults(world).expiringSession(user, lifetime)));
    return token[0];
  }

  /** Waits (bounded) until the token is past its expiry and Clerk's clock skew (fly-facts.md §9.2: 5 s). */
  public void awaitExpiry(SessionToken token) {
    Instant dead = token.expiresAt().plus(CLERK_CLOCK_SKEW);
    Duration bound = Duration.between(Instant.now(), dead).plus(world.profile().duration("timeouts.await"));
    world.eventually("the session token of " + token.userId() + " is past its expiry and Clerk's clock skew", bound)
        .pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(dead));
  }

  public void flipRouterSecret() {
    ingress.flipClerkSecretToInvalid();
  }

  public void drift(String word) {
    new FilesystemFaults(world).drift(exec.computer(), exec.agent(), FilesystemFaults.Drift.of(word));
  }

  public void perturbRouterToExec(String words) {
    world.networkFaults().onTrafficTo(world.slice().execApp(), NetworkFaults.Toxic.parse(words));
  }

  /** Exec's last answer (the notification step is ExecSteps'): its status, and its changeCount when it took the change. */
  public ExecAnswer lastExecAnswer() {
    ExecPort.Answer a = exec.lastAnswer();
    int count = -1;
    if (a.status() == 200) {
      try {
        count = new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.body()).path("changeCount").asInt(-1);
      } catch (java.io.IOException e) {
        count = -1;
      }
    }
    return new ExecAnswer(a.status(), count);
  }

  /** The router's log lines matching an observable of the contract. */
  public List<String> routerLogMatching(Observable o) {
    var pattern = world.contract().pattern(o);
    return ingress.routerLog().stream().filter(l -> pattern.matcher(l).find()).toList();
  }

  private SteadyState.Verdict record(SteadyState.Verdict v) {
    world.evidence().json("steady-state-" + v.phase() + ".json", v.asJson());
    return v;
  }
}
