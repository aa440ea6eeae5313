package io.artifact.e2e.router;

import io.artifact.e2e.clerk.BadSession;
import io.artifact.e2e.clerk.SessionForgery;
import io.artifact.e2e.clerk.SessionToken;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.TargetPorts;
import java.time.Clock;

/**
 * ROUTER-001's bad sessions: a user of the scenario holding a session token Clerk's backend SDK
 * rejects, made from a real one of theirs, and the router visited with it from a browser and from an
 * API client. Kinds that only the instance could have signed need {@link Capability#CLERK_SIGNING_KEY}
 * and skip, naming it, where the target has no testing surface.
 */
public final class SessionJourney {

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private String holder;
  private SessionToken bad;

  public SessionJourney(ScenarioWorld world, IngressJourney ingress) {
    this.world = world;
    this.ingress = ingress;
  }

  public void holdBadSession(String name, BadSession kind) {
    if (kind.needsInstanceKey()) world.require(Capability.CLERK_SIGNING_KEY);
    SessionForgery forgery = new SessionForgery(() -> TargetPorts.clerkSigningKey(world.target()), Clock.systemUTC());
    Caller browser = ingress.signedInBrowser(name, user -> {
      SessionToken real = world.clerk().sessionToken(user);
      world.redactor().secret(real.jwt());
      return forgery.forge(kind, real); // the ingress registers the forged token with the redactor
    });
    holder = name;
    bad = browser.session().orElseThrow();
    world.evidence().text("bad-session.txt", name + " holds a session that is " + kind.words() + ": " + bad);
  }

  public void openBaseDomainFromBrowser(String name) {
    ingress.openBaseDomain(Caller.browser(holderCalled(name), bad));
  }

  public void openBaseDomainFromApiClient(String name) {
    ingress.openBaseDomain(Caller.apiClient(holderCalled(name), bad));
  }

  private String holderCalled(String name) {
    if (!name.equals(holder)) throw new IllegalStateException(name + " holds no bad session in this scenario (" + holder + " does)");
    return name;
  }
}
