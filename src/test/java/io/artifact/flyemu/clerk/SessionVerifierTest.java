package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.clerk.ClerkAuthenticator.AuthResult;
import io.artifact.flyemu.clerk.LocalClerk.Forgery;
import io.artifact.flyemu.http.HttpRequest;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionVerifierTest {

  private static LocalClerk clerk;
  private final MutableClock clock = new MutableClock();
  private final SessionVerifier verifier = new SessionVerifier(SessionVerifier.Settings.defaults(), clock);

  @BeforeAll
  static void start() {
    clerk = new LocalClerk().start();
  }

  @AfterAll
  static void stop() {
    clerk.close();
  }

  @Test
  void aValidBearerTokenSignsInItsSubject() {
    AuthResult r = verifier.authenticate(bearer(token("user_bearer")), env());

    assertThat(r).isEqualTo(AuthResult.signedIn("user_bearer"));
  }

  @Test
  void aValidSessionCookieWithClientUatAndDevBrowserSignsIn() {
    String token = token("user_cookie");

    AuthResult r = verifier.authenticate(cookies("__session=" + token + "; __client_uat=" + iat() + "; __clerk_db_jwt=dvb_x"), env());

    assertThat(r).isEqualTo(AuthResult.signedIn("user_cookie"));
  }

  @Test
  void suffixedCookiesOfTheInstanceAreReadToo() {
    String s = "_" + PublishableKey.parse(clerk.publishableKey()).orElseThrow().cookieSuffix();

    AuthResult r = verifier.authenticate(cookies("__session" + s + "=" + token("user_suffix") + "; __client_uat" + s + "=" + iat()
        + "; __clerk_db_jwt" + s + "=dvb_x"), env());

    assertThat(r.userId()).isEqualTo("user_suffix");
  }

  @Test
  void noCredentialsOnADevelopmentInstanceAreADevBrowserMiss() {
    assertThat(verifier.authenticate(request("GET", Map.of(), ""), env())).isEqualTo(AuthResult.signedOut("dev-browser-missing"));
  }

  @Test
  void noCredentialsOnAProductionInstanceAreSessionTokenAndUatMissing() {
    Map<String, String> env = env();
    env.put("CLERK_PUBLISHABLE_KEY", clerk.publishableKey().replace("pk_test_", "pk_live_"));

    assertThat(verifier.authenticate(request("GET", Map.of(), ""), env)).isEqualTo(AuthResult.signedOut("session-token-and-uat-missing"));
  }

  @Test
  void cookieRulesDecideBeforeAnyVerification() {
    String token = token("user_rules");

    assertThat(reason(cookies("__session=" + token + "; __clerk_db_jwt=dvb_x"))).isEqualTo("session-token-but-no-client-uat");
    assertThat(reason(cookies("__client_uat=" + iat() + "; __clerk_db_jwt=dvb_x"))).isEqualTo("client-uat-but-no-session-token");
    assertThat(reason(cookies("__session=" + token + "; __client_uat=" + (iat() + 100) + "; __clerk_db_jwt=dvb_x")))
        .isEqualTo("session-token-iat-before-client-uat");
    assertThat(reason(request("GET", Map.of("cookie", "__session=" + token + "; __client_uat=" + iat()), "__clerk_db_jwt=dvb_x")))
        .isEqualTo("dev-browser-sync");
  }

  @Test
  void anotherAuthorizationSchemeFallsBackToTheCookies() {
    assertThat(reason(request("GET", Map.of("authorization", "Basic dXNlcjpwdw=="), ""))).isEqualTo("dev-browser-missing");
  }

  @Test
  void anExpiredTokenIsSignedOutAsExpiredWithoutRefresh() {
    String token = token("user_expired");
    clock.advance(Duration.ofSeconds(60 + 10));

    assertThat(reason(bearer(token))).isEqualTo("session-token-expired-refresh-non-eligible-no-refresh-cookie");
    assertThat(reason(request("POST", Map.of("authorization", "Bearer " + token), ""))).isEqualTo("session-token-expired-refresh-non-eligible-non-get");
  }

  @Test
  void aTokenJustPastExpiryPassesWithinTheFiveSecondSkew() {
    String token = token("user_skew");
    clock.advance(Duration.ofSeconds(60 + 4));

    assertThat(verifier.authenticate(bearer(token), env()).signedIn()).isTrue();
  }

  @Test
  void aTokenFromTheFutureIsNotActiveYet() {
    String token = token("user_future");
    clock.advance(Duration.ofSeconds(-30));

    assertThat(reason(bearer(token))).isEqualTo("session-token-nbf");
  }

  @Test
  void aTokenSignedByAnotherKeyUnderTheSameKidHasAnInvalidSignature() {
    String forged = clerk.mintForgedSessionToken("user_forged", Duration.ofSeconds(60), Forgery.SAME_KID);

    AuthResult r = verifier.authenticate(bearer(forged), env());

    assertThat(r).isEqualTo(AuthResult.signedOut("token-invalid-signature"));
    assertThat(r.reason()).doesNotContain(forged);
  }

  @Test
  void aTokenUnderAnUnknownKidIsAKidMismatch() {
    String forged = clerk.mintForgedSessionToken("user_kid", Duration.ofSeconds(60), Forgery.UNKNOWN_KID);

    assertThat(reason(bearer(forged))).isEqualTo("jwk-kid-mismatch");
  }

  @Test
  void aMalformedTokenIsInvalid() {
    assertThat(reason(bearer("not-a-jwt"))).isEqualTo("token-invalid");
    assertThat(reason(request("GET", Map.of("authorization", "Bearer "), ""))).isEqualTo("token-invalid");
  }

  @Test
  void aWrongSecretKeyIsReportedAsSecretKeyInvalid() {
    Map<String, String> env = env();
    env.put("CLERK_SECRET_KEY", "sk_test_wrong");

    AuthResult r = verifier.authenticate(bearer(token("user_wrong_secret")), env);

    assertThat(r).isEqualTo(AuthResult.signedOut("secret-key-invalid"));
  }

  @Test
  void aMissingOrEmptySecretKeyIsSignedOutBeforeAnythingElse() {
    for (String missing : new String[] {null, "", "  "}) {
      Map<String, String> env = env();
      env.put("CLERK_SECRET_KEY", missing);

      assertThat(verifier.authenticate(bearer(token("user_missing")), env)).isEqualTo(AuthResult.signedOut("secret-key-missing"));
    }
  }

  @Test
  void aMissingOrMalformedPublishableKeyIsSignedOut() {
    Map<String, String> env = env();
    env.remove("CLERK_PUBLISHABLE_KEY");
    assertThat(verifier.authenticate(bearer(token("u")), env).reason()).isEqualTo("publishable-key-missing");

    env.put("CLERK_PUBLISHABLE_KEY", "pk_test_bm8tZG9sbGFy");
    assertThat(verifier.authenticate(bearer(token("u")), env).reason()).isEqualTo("publishable-key-invalid");
  }

  @Test
  void anUnreachableBackendApiFailsToLoadTheKeys() {
    Map<String, String> env = env();
    env.put("CLERK_API_URL", "http://127.0.0.1:1");

    assertThat(verifier.authenticate(bearer(token("user_unreachable")), env).reason()).isEqualTo("jwk-remote-failed-to-load");
  }

  @Test
  void keysAreFetchedOncePerSecretAndAChangedSecretTakesEffectAtOnce() {
    String token = token("user_cache");
    int before = clerk.jwksRequestCount();

    assertThat(verifier.authenticate(bearer(token), env()).signedIn()).isTrue();
    assertThat(verifier.authenticate(bearer(token), env()).signedIn()).isTrue();
    assertThat(clerk.jwksRequestCount() - before).as("cached after the first fetch").isEqualTo(1);

    Map<String, String> flipped = env();
    flipped.put("CLERK_SECRET_KEY", "sk_test_flipped");
    assertThat(verifier.authenticate(bearer(token), flipped).reason()).isEqualTo("secret-key-invalid");
    assertThat(verifier.authenticate(bearer(token), env()).signedIn()).as("the right secret is still cached").isTrue();
    assertThat(clerk.jwksRequestCount() - before).isEqualTo(2);
  }

  @Test
  void keysCachedUnderASecretOutliveTheInstanceRotatingItLikeClerksCache() {
    LocalClerk own = new LocalClerk().start();
    // a clock read after the start: generating the instance's key pair can take seconds on a busy machine,
    // and a token minted later than the test's clock plus the skew would count as issued in the future
    SessionVerifier verifier = new SessionVerifier(SessionVerifier.Settings.defaults(), new MutableClock());
    try {
      Map<String, String> env = env(own);
      String token = own.mintSessionToken("user_rotated", Duration.ofSeconds(60));
      assertThat(verifier.authenticate(bearer(token), env).signedIn()).isTrue();

      own.rotateSecretKey();

      assertThat(verifier.authenticate(bearer(token), env).signedIn()).as("within the cache lifetime").isTrue();
      SessionVerifier fresh = new SessionVerifier(SessionVerifier.Settings.defaults(), clock);
      assertThat(fresh.authenticate(bearer(token), env).reason()).isEqualTo("secret-key-invalid");
    } finally {
      own.close();
    }
  }

  @Test
  void tokensFromTheBackendApiVerify() {
    ClerkUser user = clerk.directory().createUser(new ClerkDirectory.NewUser("verifier-bapi", null, List.of(), null, null));
    ClerkSession session = clerk.directory().createSession(user.id());

    String token = clerk.sessionToken(user.id(), session.id(), Duration.ofSeconds(60));

    assertThat(verifier.authenticate(bearer(token), env())).isEqualTo(AuthResult.signedIn(user.id()));
  }

  @Test
  void aTokenForAnotherPartyIsRefusedOnlyWhereTheAppNamesItsParties() throws Exception {
    RSAKey key = RSAKey.parse(testing("Bearer " + clerk.secretKey()).body());
    String token = clerk.signingKey().sign(new JWTClaimsSet.Builder().subject("user_azp").claim("azp", "https://elsewhere.example")
        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
    assertThat(key.getKeyID()).isEqualTo(clerk.kid());
    Map<String, String> env = env();

    assertThat(verifier.authenticate(bearer(token), env).signedIn()).as("no authorizedParties: azp is not checked").isTrue();
    env.put(ClerkAuthenticator.AUTHORIZED_PARTIES, "https://router.example, http://router.example");
    assertThat(verifier.authenticate(bearer(token), env)).isEqualTo(AuthResult.signedOut("token-invalid-authorized-parties"));
    env.put(ClerkAuthenticator.AUTHORIZED_PARTIES, "https://router.example,https://elsewhere.example");
    assertThat(verifier.authenticate(bearer(token), env).signedIn()).isTrue();
  }

  @Test
  void theTestingSurfaceHandsTheSigningKeyOnlyToTheSecretKey() throws Exception {
    assertThat(testing("Bearer sk_test_wrong").statusCode()).isEqualTo(401);
    assertThat(testing("Bearer " + clerk.secretKey()).body()).contains("\"d\"").contains(clerk.kid());
  }

  private static java.net.http.HttpResponse<String> testing(String authorization) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(clerk.apiUrl() + "/__testing/signing_key")).header("Authorization", authorization).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private String reason(HttpRequest request) {
    AuthResult r = verifier.authenticate(request, env());
    assertThat(r.signedIn()).isFalse();
    return r.reason();
  }

  /** Minted just after the test clock was read, so moving the clock moves the token's age. */
  private static String token(String userId) {
    return clerk.mintSessionToken(userId, Duration.ofSeconds(60));
  }

  private long iat() {
    return clock.instant().getEpochSecond();
  }

  private static Map<String, String> env() {
    return env(clerk);
  }

  private static Map<String, String> env(LocalClerk target) {
    Map<String, String> env = new HashMap<>();
    env.put("CLERK_SECRET_KEY", target.secretKey());
    env.put("CLERK_PUBLISHABLE_KEY", target.publishableKey());
    env.put("CLERK_API_URL", target.apiUrl());
    return env;
  }

  private static HttpRequest bearer(String token) {
    return request("GET", Map.of("authorization", "Bearer " + token), "");
  }

  private static HttpRequest cookies(String cookieHeader) {
    return request("GET", Map.of("cookie", cookieHeader), "");
  }

  private static HttpRequest request(String method, Map<String, String> headers, String query) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new HttpRequest(method, "http", "comp.artifact.test", 80, "/", query, h, new byte[0]);
  }
}
