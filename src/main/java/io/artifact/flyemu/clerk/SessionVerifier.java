package io.artifact.flyemu.clerk;

import com.nimbusds.jwt.JWTClaimsSet;
import io.artifact.flyemu.Durations;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code @hono/clerk-auth} + {@code @clerk/backend} {@code authenticateRequest} for the embedded
 * apps (fly-facts §9): keys from the app's env, the token from the header or the cookies, the
 * signing key from {@code {CLERK_API_URL}/v1/jwks}. Handshake outcomes are reported as signed-out
 * with the same reason (the apps decide what a signed-out browser gets). A missing secret key is
 * the DOC behaviour: signed-out {@code secret-key-missing}, not the SDK's exception. Reasons never
 * contain the token or a key.
 */
public final class SessionVerifier implements ClerkAuthenticator {

  public static final String DEFAULT_API_URL = "https://api.clerk.com";

  /** JWKS cache lifetime (Clerk: 5 min), HTTP timeout of the JWKS fetch, and the clock skew (Clerk: 5 s). */
  public record Settings(Duration jwksCacheTtl, Duration httpTimeout, Duration clockSkew) {

    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** From the profile: {@code clerk.jwks-cache-ttl}, {@code clerk.jwks-timeout}. */
    public static Settings from(StackSettings stack) {
      Settings d = defaults();
      return new Settings(Durations.parse("clerk.jwks-cache-ttl", stack.extra("clerk.jwks-cache-ttl", d.jwksCacheTtl().toSeconds() + "s")),
          Durations.parse("clerk.jwks-timeout", stack.extra("clerk.jwks-timeout", d.httpTimeout().toSeconds() + "s")), d.clockSkew());
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final JwksKeys keys;

  public SessionVerifier() {
    this(Settings.defaults(), Clock.systemUTC());
  }

  public SessionVerifier(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.keys = new JwksKeys(settings.jwksCacheTtl(), settings.httpTimeout());
  }

  @Override
  public AuthResult authenticate(HttpRequest request, Map<String, String> env) {
    Optional<String> secret = nonBlank(env.get("CLERK_SECRET_KEY"));
    if (secret.isEmpty()) return AuthResult.signedOut(AuthReasons.SECRET_KEY_MISSING);
    Optional<String> publishable = nonBlank(env.get("CLERK_PUBLISHABLE_KEY"));
    if (publishable.isEmpty()) return AuthResult.signedOut(AuthReasons.PUBLISHABLE_KEY_MISSING);
    Optional<PublishableKey> key = PublishableKey.parse(publishable.get());
    if (key.isEmpty()) return AuthResult.signedOut(AuthReasons.PUBLISHABLE_KEY_INVALID);

    Credentials credentials = Credentials.of(request, key.get());
    if (credentials.token() == null) return AuthResult.signedOut(credentials.reason());
    String apiUrl = nonBlank(env.get("CLERK_API_URL")).orElse(DEFAULT_API_URL);
    String version = nonBlank(env.get("CLERK_API_VERSION")).orElse("v1");
    try {
      if (credentials.fromCookie() && issuedBefore(credentials)) {
        return AuthResult.signedOut(AuthReasons.SESSION_TOKEN_IAT_BEFORE_CLIENT_UAT);
      }
      JWTClaimsSet claims = TokenVerification.verify(credentials.token(),
          kid -> keys.find(apiUrl, version, secret.get(), kid), clock.instant(), settings.clockSkew(), authorizedParties(env));
      return AuthResult.signedIn(claims.getSubject());
    } catch (TokenRejected e) {
      return AuthResult.signedOut(requestReason(e.reason(), request));
    }
  }

  private static boolean issuedBefore(Credentials c) throws TokenRejected {
    try {
      Date iat = TokenVerification.decode(c.token()).getJWTClaimsSet().getIssueTime();
      return (iat == null ? 0 : iat.getTime() / 1000) < c.clientUat();
    } catch (java.text.ParseException e) {
      throw new TokenRejected(AuthReasons.TOKEN_INVALID);
    }
  }

  /** {@code handleSessionTokenError}: time-related failures become request-level reasons; a refresh is never possible here. */
  private static String requestReason(String tokenReason, HttpRequest request) {
    return switch (tokenReason) {
      case AuthReasons.TOKEN_EXPIRED -> AuthReasons.SESSION_TOKEN_EXPIRED_PREFIX
          + ("GET".equals(request.method()) ? "non-eligible-no-refresh-cookie" : "non-eligible-non-get");
      case AuthReasons.TOKEN_NOT_ACTIVE_YET -> AuthReasons.SESSION_TOKEN_NBF;
      case AuthReasons.TOKEN_IAT_IN_THE_FUTURE -> AuthReasons.SESSION_TOKEN_IAT_IN_THE_FUTURE;
      default -> tokenReason;
    };
  }

  /** The app's {@code authorizedParties} option, handed over in its env as {@link ClerkAuthenticator#AUTHORIZED_PARTIES}. */
  private static Set<String> authorizedParties(Map<String, String> env) {
    return nonBlank(env.get(AUTHORIZED_PARTIES)).stream().flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
  }

  private static Optional<String> nonBlank(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
