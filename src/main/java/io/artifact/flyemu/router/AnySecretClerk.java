package io.artifact.flyemu.router;

import io.artifact.flyemu.clerk.AuthReasons;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.http.HttpRequest;
import java.util.Map;

/**
 * Defect {@code defect-any-secret}: a secret key Clerk refuses ({@code secret-key-invalid}) is taken
 * for a Clerk hiccup and the session token's subject trusted unverified — so a router holding a wrong
 * secret still lets signed-in users in, which the runbook's "invalid Clerk secret → 401" must catch.
 */
final class AnySecretClerk implements ClerkAuthenticator {

  private final ClerkAuthenticator clerk;

  AnySecretClerk(ClerkAuthenticator clerk) {
    this.clerk = clerk;
  }

  @Override
  public AuthResult authenticate(HttpRequest request, Map<String, String> env) {
    AuthResult r = clerk.authenticate(request, env);
    if (r.signedIn() || !AuthReasons.SECRET_KEY_INVALID.equals(r.reason())) return r;
    return Unverified.subject(request).map(AuthResult::signedIn).orElse(r);
  }
}
