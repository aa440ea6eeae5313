package io.artifact.flyemu.router;

import io.artifact.flyemu.clerk.AuthReasons;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Defective session checks, each a router that lets one kind of bad session through: Clerk refuses
 * the token for a reason the router then overrides, trusting the token's subject unverified (or,
 * for a token it cannot even decode, taking the caller for the real router's signed-out guest,
 * {@code test-computer}, stack-contract.md §2.3). The ROUTER-001 session rows must catch each one.
 */
final class LaxSessions implements ClerkAuthenticator {

  /** Image tag → the defective check it selects (registered in {@link RouterVariants}). */
  static final Map<String, UnaryOperator<ClerkAuthenticator>> VARIANTS = Map.of(
      "defect-accepts-expired", c -> trusting(c, r -> r.startsWith(AuthReasons.SESSION_TOKEN_EXPIRED_PREFIX) || r.equals(AuthReasons.TOKEN_EXPIRED)),
      "defect-accepts-not-yet-valid", c -> trusting(c, AuthReasons.SESSION_TOKEN_NBF::equals),
      "defect-accepts-future-iat", c -> trusting(c, AuthReasons.SESSION_TOKEN_IAT_IN_THE_FUTURE::equals),
      "defect-any-key", c -> trusting(c, r -> r.equals(AuthReasons.TOKEN_INVALID_SIGNATURE) || r.equals(AuthReasons.JWK_KID_MISMATCH)),
      "defect-ignores-azp", c -> trusting(c, AuthReasons.TOKEN_INVALID_AUTHORIZED_PARTIES::equals),
      "defect-malformed-as-guest", c -> new LaxSessions(c, AuthReasons.TOKEN_INVALID::equals, r -> Optional.of(ImplAuthGate.TEST_COMPUTER)));

  private final ClerkAuthenticator clerk;
  private final Predicate<String> overridden;
  private final Function<HttpRequest, Optional<String>> who;

  private LaxSessions(ClerkAuthenticator clerk, Predicate<String> overridden, Function<HttpRequest, Optional<String>> who) {
    this.clerk = clerk;
    this.overridden = overridden;
    this.who = who;
  }

  private static ClerkAuthenticator trusting(ClerkAuthenticator clerk, Predicate<String> overridden) {
    return new LaxSessions(clerk, overridden, Unverified::subject);
  }

  @Override
  public AuthResult authenticate(HttpRequest request, Map<String, String> env) {
    AuthResult r = clerk.authenticate(request, env);
    if (r.signedIn() || r.reason() == null || !overridden.test(r.reason())) return r;
    return who.apply(request).map(AuthResult::signedIn).orElse(r);
  }
}
