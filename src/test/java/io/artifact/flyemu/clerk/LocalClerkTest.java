package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalClerkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private static LocalClerk clerk;

  @BeforeAll
  static void start() {
    clerk = new LocalClerk(new LocalClerk.Settings(0, Duration.ofSeconds(60), "http://app.localhost")).start();
  }

  @AfterAll
  static void stop() {
    clerk.close();
  }

  @Test
  void issuesADevelopmentPublishableKeyForItsFrontendHostAndATestSecretKey() {
    String encoded = clerk.publishableKey().substring("pk_test_".length());

    assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1:" + clerk.port() + "$");
    assertThat(clerk.secretKey()).matches("sk_test_[A-Za-z0-9]{40}");
    assertThat(clerk.kid()).startsWith("ins_");
  }

  @Test
  void servesThePublicKeyOnlyUnderItsKid() throws Exception {
    JsonNode jwks = json(send("GET", "/v1/jwks", clerk.secretKey(), null), 200);

    assertThat(jwks.path("keys")).hasSize(1);
    JsonNode key = jwks.path("keys").get(0);
    assertThat(key.path("kid").asText()).isEqualTo(clerk.kid());
    assertThat(key.path("kty").asText()).isEqualTo("RSA");
    assertThat(key.path("alg").asText()).isEqualTo("RS256");
    assertThat(key.has("d")).as("private exponent").isFalse();
  }

  @Test
  void frontendJwksNeedsNoSecret() throws Exception {
    JsonNode jwks = json(send("GET", "/.well-known/jwks.json", null, null), 200);

    assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(clerk.kid());
  }

  @Test
  void refusesAMissingOrWrongSecretKeyWithClerksError() throws Exception {
    for (String secret : new String[] {null, "sk_test_wrong"}) {
      JsonNode error = json(send("GET", "/v1/jwks", secret, null), 401).path("errors").get(0);

      assertThat(error.path("code").asText()).isEqualTo("clerk_key_invalid");
      assertThat(error.path("message").asText()).contains("Secret Key is invalid");
      assertThat(error.has("long_message")).isTrue();
    }
  }

  @Test
  void createsAUserAndFindsItByUsernameOrExternalId() throws Exception {
    JsonNode user = json(send("POST", "/v1/users", clerk.secretKey(),
        "{\"external_id\":\"e2e-find\",\"username\":\"find_me\",\"email_address\":[\"find+clerk_test@example.com\"]}"), 200);

    assertThat(user.path("object").asText()).isEqualTo("user");
    assertThat(user.path("id").asText()).matches("user_[A-Za-z0-9]{27}");
    assertThat(user.path("email_addresses").get(0).path("email_address").asText()).isEqualTo("find+clerk_test@example.com");
    assertThat(json(send("GET", "/v1/users?username=find_me", clerk.secretKey(), null), 200).get(0).path("id").asText())
        .isEqualTo(user.path("id").asText());
    assertThat(json(send("GET", "/v1/users?external_id=e2e-find&external_id=other", clerk.secretKey(), null), 200)).hasSize(1);
    assertThat(json(send("GET", "/v1/users?external_id=nobody", clerk.secretKey(), null), 200)).isEmpty();
  }

  @Test
  void refusesATakenUsernameAsClerkDoes() throws Exception {
    send("POST", "/v1/users", clerk.secretKey(), "{\"username\":\"taken_name\"}");

    JsonNode error = json(send("POST", "/v1/users", clerk.secretKey(), "{\"username\":\"taken_name\"}"), 422).path("errors").get(0);

    assertThat(error.path("code").asText()).isEqualTo("form_identifier_exists");
    assertThat(error.path("meta").path("param_name").asText()).isEqualTo("username");
  }

  @Test
  void createsAnActiveSessionAndASignedSessionTokenWithClerksClaims() throws Exception {
    String userId = createUser("claims");
    JsonNode session = json(send("POST", "/v1/sessions", clerk.secretKey(), "{\"user_id\":\"" + userId + "\"}"), 200);
    assertThat(session.path("object").asText()).isEqualTo("session");
    assertThat(session.path("status").asText()).isEqualTo("active");
    assertThat(session.path("user_id").asText()).isEqualTo(userId);
    String sid = session.path("id").asText();

    JsonNode token = json(send("POST", "/v1/sessions/" + sid + "/tokens", clerk.secretKey(), null), 200);

    assertThat(token.path("object").asText()).isEqualTo("token");
    SignedJWT jwt = SignedJWT.parse(token.path("jwt").asText());
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(clerk.kid());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(claims.getSubject()).isEqualTo(userId);
    assertThat(claims.getStringClaim("sid")).isEqualTo(sid);
    assertThat(claims.getIssuer()).isEqualTo(clerk.frontendApiUrl());
    assertThat(claims.getStringClaim("azp")).isEqualTo("http://app.localhost");
    assertThat(claims.getIntegerClaim("v")).isEqualTo(2);
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(seconds(claims.getExpirationTime()) - seconds(claims.getIssueTime())).isEqualTo(60);
    assertThat(seconds(claims.getIssueTime()) - seconds(claims.getNotBeforeTime())).isEqualTo(10);
  }

  @Test
  void tokenLifetimeFollowsExpiresInSeconds() throws Exception {
    String sid = createSession(createUser("lifetime"));

    JsonNode token = json(send("POST", "/v1/sessions/" + sid + "/tokens", clerk.secretKey(), "{\"expires_in_seconds\":5}"), 200);

    JWTClaimsSet claims = SignedJWT.parse(token.path("jwt").asText()).getJWTClaimsSet();
    assertThat(seconds(claims.getExpirationTime()) - seconds(claims.getIssueTime())).isEqualTo(5);
  }

  @Test
  void aRevokedSessionIsReportedRevokedAndGetsNoMoreTokens() throws Exception {
    String sid = createSession(createUser("revoked"));

    JsonNode revoked = json(send("POST", "/v1/sessions/" + sid + "/revoke", clerk.secretKey(), null), 200);

    assertThat(revoked.path("status").asText()).isEqualTo("revoked");
    assertThat(json(send("POST", "/v1/sessions/" + sid + "/tokens", clerk.secretKey(), null), 404)
        .path("errors").get(0).path("code").asText()).isEqualTo("resource_not_found");
  }

  @Test
  void aSessionForAnUnknownUserIsNotFound() throws Exception {
    JsonNode error = json(send("POST", "/v1/sessions", clerk.secretKey(), "{\"user_id\":\"user_nobody\"}"), 404);

    assertThat(error.path("errors").get(0).path("code").asText()).isEqualTo("resource_not_found");
  }

  @Test
  void deletingAUserAnswersDeletedAndItIsGone() throws Exception {
    String userId = createUser("deleted");

    JsonNode deleted = json(send("DELETE", "/v1/users/" + userId, clerk.secretKey(), null), 200);

    assertThat(deleted.path("deleted").asBoolean()).isTrue();
    json(send("GET", "/v1/users/" + userId, clerk.secretKey(), null), 404);
  }

  @Test
  void signInPageKeepsTheRedirectUrlEscaped() throws Exception {
    String target = "http://agent--comp.example.test/it's?a=1&b=2";

    HttpResponse<String> page = send("GET", "/sign-in?redirect_url=" + URLEncoder.encode(target, StandardCharsets.UTF_8), null, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.body()).contains("name=\"redirect_url\" value=\"http://agent--comp.example.test/it&#39;s?a=1&amp;b=2\"")
        .doesNotContain("it's");
  }

  @Test
  void signInPageDropsARedirectThatIsNotAnHttpUrl() throws Exception {
    HttpResponse<String> page = send("GET", "/sign-in?redirect_url=javascript%3Aalert(1)", null, null);

    assertThat(page.body()).doesNotContain("javascript").doesNotContain("redirect-url");
  }

  @Test
  void aRotatedSecretKeyRefusesThePreviousOne() throws Exception {
    LocalClerk own = new LocalClerk().start();
    try {
      String old = own.secretKey();
      own.rotateSecretKey();

      assertThat(own.secretKey()).isNotEqualTo(old);
      assertThat(HTTP.send(request(own, "GET", "/v1/jwks", old, null), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      assertThat(HTTP.send(request(own, "GET", "/v1/jwks", own.secretKey(), null), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      own.close();
    }
  }

  @Test
  void listensOnAFixedPortWhenAskedTo() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    LocalClerk fixed = new LocalClerk(LocalClerk.Settings.defaults().withPort(port)).start();
    try {
      assertThat(fixed.apiUrl()).isEqualTo("http://127.0.0.1:" + port);
    } finally {
      fixed.close();
    }
  }

  @Test
  void gettersRefuseBeforeStart() {
    assertThatThrownBy(() -> new LocalClerk().apiUrl()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
  }

  @Test
  void asAStackComponentOffersTheAuthenticatorAndListsEndpointsWithoutTheSecret() {
    LocalClerk component = new LocalClerk();
    try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults("fly-token"), List.of(component))) {
      assertThat(stack.platform().services().get(ClerkAuthenticator.class)).isInstanceOf(SessionVerifier.class);
      assertThat(stack.component(LocalClerk.class)).isSameAs(component);
      assertThat(stack.endpoints()).containsEntry("clerk_api", component.apiUrl())
          .containsEntry("clerk_sign_in", component.apiUrl() + "/sign-in");
      assertThat(stack.endpoints().toString()).doesNotContain(component.secretKey());
    }
  }

  private static String createUser(String name) throws Exception {
    return json(send("POST", "/v1/users", clerk.secretKey(), "{\"external_id\":\"" + name + "\"}"), 200).path("id").asText();
  }

  private static String createSession(String userId) throws Exception {
    return json(send("POST", "/v1/sessions", clerk.secretKey(), "{\"user_id\":\"" + userId + "\"}"), 200).path("id").asText();
  }

  private static long seconds(java.util.Date d) {
    return d.getTime() / 1000;
  }

  private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String secret, String body) throws Exception {
    return HTTP.send(request(clerk, method, path, secret, body), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(LocalClerk target, String method, String path, String secret, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.apiUrl() + path)).timeout(Duration.ofSeconds(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (secret != null) b.header("Authorization", "Bearer " + secret);
    return b.build();
  }
}
