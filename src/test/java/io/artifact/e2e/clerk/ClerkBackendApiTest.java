package io.artifact.e2e.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.flyemu.clerk.ClerkAuthenticator.AuthResult;
import io.artifact.flyemu.clerk.LocalClerk;
import io.artifact.flyemu.clerk.SessionVerifier;
import io.artifact.flyemu.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter against the embedded stack's local Clerk, which implements the same Backend API. */
class ClerkBackendApiTest {

  private static LocalClerk clerk;
  private final List<String> transcript = new CopyOnWriteArrayList<>();
  private final ClerkBackendApi api = new ClerkBackendApi(clerk.apiUrl(), clerk.secretKey(), clerk.signInUrl(), new Redactor(), transcript::add);

  @BeforeAll
  static void start() {
    clerk = new LocalClerk().start();
  }

  @AfterAll
  static void stop() {
    clerk.close();
  }

  @Test
  void createsATestUserOnceAndFindsItAgainByName() {
    TestUser first = api.user("e2e-alice");
    TestUser again = api.user("e2e-alice");

    assertThat(first.id()).startsWith("user_");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void issuesASessionTokenTheAppsAcceptAsThatUser() {
    TestUser user = api.user("e2e-bearer");

    SessionToken token = api.sessionToken(user);

    assertThat(token.userId()).isEqualTo(user.id());
    assertThat(token.sessionId()).startsWith("sess_");
    assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isEqualTo(Duration.ofSeconds(60));
    assertThat(verify(Map.of("authorization", token.authorizationHeader()))).isEqualTo(AuthResult.signedIn(user.id()));
  }

  @Test
  void theCookieHeaderSatisfiesClerksCookieRules() {
    SessionToken token = api.sessionToken(api.user("e2e-cookie"));

    assertThat(verify(Map.of("cookie", token.cookieHeader()))).isEqualTo(AuthResult.signedIn(token.userId()));
  }

  @Test
  void aTokenCanBeAskedForWithAShorterLifetime() {
    SessionToken token = api.sessionToken(api.user("e2e-short"), Duration.ofSeconds(5));

    assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRevokedSessionGetsNoNewTokens() {
    TestUser user = api.user("e2e-revoke");
    SessionToken token = api.sessionToken(user);

    api.revoke(token);

    assertThat(clerk.directory().session(token.sessionId()).status()).isEqualTo("revoked");
  }

  @Test
  void deletingAUserRemovesIt() {
    TestUser user = api.user("e2e-delete");

    api.deleteUser(user);

    assertThat(api.user("e2e-delete").id()).isNotEqualTo(user.id());
  }

  @Test
  void aWrongSecretFailsWithTheEndpointAndClerksCodeButNotTheSecret() {
    ClerkBackendApi wrong = new ClerkBackendApi(clerk.apiUrl(), "sk_test_notTheRightOne", clerk.signInUrl(), new Redactor(), transcript::add);

    assertThatThrownBy(() -> wrong.user("e2e-wrong"))
        .isInstanceOfSatisfying(ClerkApiException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.code()).isEqualTo("clerk_key_invalid");
        })
        .hasMessageContaining("GET /v1/users").hasMessageContaining("401 clerk_key_invalid")
        .hasMessageNotContaining("sk_test_notTheRightOne");
    assertThat(String.join("\n", transcript)).doesNotContain("sk_test_notTheRightOne").contains("← 401");
  }

  @Test
  void anUnreachableApiFailsNamingTheEndpoint() {
    ClerkBackendApi nowhere = new ClerkBackendApi("http://127.0.0.1:1", clerk.secretKey(), clerk.signInUrl(), new Redactor(), transcript::add);

    assertThatThrownBy(() -> nowhere.user("e2e-nowhere")).isInstanceOf(ClerkApiException.class)
        .hasMessageContaining("GET /v1/users could not be reached");
  }

  @Test
  void theTranscriptRecordsEveryExchangeWithoutSecretOrJwt() {
    SessionToken token = api.sessionToken(api.user("e2e-transcript"));

    String all = String.join("\n", transcript);
    assertThat(transcript).hasSizeGreaterThanOrEqualTo(3);
    assertThat(all).contains("→ POST " + clerk.apiUrl() + "/v1/sessions", "← 200", "\"object\":\"token\"", "Bearer «redacted»",
        "\"jwt\":\"«redacted»\"");
    assertThat(all).doesNotContain(clerk.secretKey()).doesNotContain(token.jwt()).doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.");
  }

  @Test
  void theSessionTokenDoesNotPrintItsJwt() {
    SessionToken token = api.sessionToken(api.user("e2e-print"));

    assertThat(token.toString()).doesNotContain(token.jwt()).contains(token.sessionId());
  }

  @Test
  void theSignInUrlIsTheAccountPortalOfThePublishableKey() {
    assertThat(api.signInUrl()).isEqualTo(AccountPortal.signInUrl(clerk.publishableKey()));
  }

  @Test
  void fromTheEnvironmentNeedsTheSecretKey() {
    assertThatThrownBy(() -> ClerkBackendApi.fromEnvironment(Map.of("CLERK_PUBLISHABLE_KEY", clerk.publishableKey()), new Redactor(), transcript::add))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLERK_SECRET_KEY is not set");
    assertThat(ClerkBackendApi.fromEnvironment(Map.of("CLERK_SECRET_KEY", "sk_live_x", "CLERK_PUBLISHABLE_KEY",
        "pk_test_dGFtZS1saW9uLTEuY2xlcmsuYWNjb3VudHMuZGV2JA=="), new Redactor(), transcript::add).signInUrl())
        .isEqualTo("https://tame-lion-1.accounts.dev/sign-in");
  }

  private static AuthResult verify(Map<String, String> headers) {
    Map<String, List<String>> h = new java.util.LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    HttpRequest request = new HttpRequest("GET", "http", "comp.artifact.test", 80, "/", "", h, new byte[0]);
    return new SessionVerifier().authenticate(request, Map.of("CLERK_SECRET_KEY", clerk.secretKey(),
        "CLERK_PUBLISHABLE_KEY", clerk.publishableKey(), "CLERK_API_URL", clerk.apiUrl()));
  }
}
