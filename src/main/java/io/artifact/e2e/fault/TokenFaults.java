package io.artifact.e2e.fault;

import io.artifact.e2e.clerk.SessionToken;
import io.artifact.e2e.clerk.TestUser;
import io.artifact.e2e.world.ScenarioWorld;
import java.time.Duration;
import java.time.Instant;

/**
 * Token expiry and revocation (runbook Phase 4 "Token expiry"), through the {@link FaultRecord}: a
 * router session that expires mid-scenario (a short-lived session minted through Clerk's Backend
 * API) and the slice's MCP org token revoked at the control plane. Neither can be taken back — an
 * expired token stays expired, a revoked one revoked — so the undo ends what is left: the session is
 * revoked; the org token was the scenario's own (issued for its slice), and Phase 5 revokes it anyway.
 */
public final class TokenFaults {

  private final ScenarioWorld world;

  public TokenFaults(ScenarioWorld world) {
    this.world = world;
  }

  /** A session for {@code user} whose token expires after {@code lifetime} (Clerk adds its clock skew, fly-facts.md §9.2). */
  public SessionToken expiringSession(TestUser user, Duration lifetime) {
    SessionToken[] minted = new SessionToken[1];
    world.faultRecord().inject("session of " + user.name() + " whose token expires after " + lifetime.toMillis() + " ms", "Clerk session",
        "revoke the session", () -> {
          if (minted[0] != null) world.clerk().revoke(minted[0]);
        }, () -> {
          minted[0] = world.clerk().sessionToken(user, lifetime);
          world.redactor().secret(minted[0].jwt());
        });
    // Clerk's Backend API mints the token for the lifetime asked (expires_in_seconds): one that outlives it is no expiry fault
    Instant latest = minted[0].issuedAt().plus(lifetime).plusSeconds(1);
    if (minted[0].expiresAt().isAfter(latest)) {
      throw new AssertionError("Clerk minted a session token for " + user.name() + " that expires at " + minted[0].expiresAt()
          + ", not within the " + lifetime.toSeconds() + " s asked for (expires_in_seconds, Clerk Backend API createSessionToken)");
    }
    return minted[0];
  }

  /** The slice's MCP org token stops working (CONTROL-040's revocation fault). */
  public void revokeOrgToken() {
    world.faultRecord().injectIrreversible("revoked the slice's MCP org token", world.slice().prefix() + " (control plane)",
        "a revoked token stays revoked; it was issued for this scenario's slice only", () -> world.mcp().revokeToken());
  }
}
