package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/users/{id}/oauth_access_tokens/{provider}}, as the router's {@code users.getUserOauthAccessToken} calls it. */
class OAuthAccessTokensTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private static LocalClerk clerk;

  @BeforeAll
  static void start() {
    clerk = new LocalClerk().start();
  }

  @AfterAll
  static void stop() {
    clerk.close();
  }

  @Test
  void needsTheSecretKeyLikeEveryBackendApiRoute() throws Exception {
    String userId = userWithGithubToken("gho_secret").userId();

    for (String secret : new String[] {null, "sk_test_wrong"}) {
      HttpResponse<String> response = get("/v1/users/" + userId + "/oauth_access_tokens/oauth_github?paginated=true", secret);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("clerk_key_invalid").doesNotContain("gho_secret");
    }
  }

  @Test
  void anUnknownUserIsNotFoundWithClerksError() throws Exception {
    HttpResponse<String> response = get("/v1/users/user_nobody/oauth_access_tokens/oauth_github?paginated=true", clerk.secretKey());

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("resource_not_found");
    assertThat(error.path("message").asText()).isEqualTo("not found");
    assertThat(error.path("long_message").asText()).isEqualTo("No user was found with id user_nobody");
  }

  @Test
  void aUserWithoutConnectionsHasNoTokensInEitherShape() throws Exception {
    String userId = clerk.directory().createUser(new ClerkDirectory.NewUser("no-oauth", null, List.of(), null, null)).id();

    JsonNode paginated = ok(get("/v1/users/" + userId + "/oauth_access_tokens/oauth_github?paginated=true", clerk.secretKey()));
    JsonNode bare = ok(get("/v1/users/" + userId + "/oauth_access_tokens/oauth_github", clerk.secretKey()));

    assertThat(paginated.path("data").isArray()).isTrue();
    assertThat(paginated.path("data")).isEmpty();
    assertThat(paginated.path("total_count").asInt(-1)).isZero();
    assertThat(bare.isArray()).isTrue();
    assertThat(bare).isEmpty();
  }

  @Test
  void listsAnAttachedTokenInClerksShapeUnderEitherProviderName() throws Exception {
    OAuthAccount account = userWithGithubToken("gho_abc123");

    for (String provider : new String[] {"oauth_github", "github"}) {
      JsonNode page = ok(get("/v1/users/" + account.userId() + "/oauth_access_tokens/" + provider + "?paginated=true", clerk.secretKey()));

      assertThat(page.path("total_count").asInt()).isEqualTo(1);
      JsonNode token = page.path("data").get(0);
      assertThat(token.path("object").asText()).isEqualTo("oauth_access_token");
      assertThat(token.path("external_account_id").asText()).isEqualTo(account.id()).startsWith("eac_");
      assertThat(token.path("provider_user_id").asText()).matches("[1-9][0-9]{7}");
      assertThat(token.path("token").asText()).isEqualTo("gho_abc123");
      assertThat(token.path("provider").asText()).isEqualTo("oauth_github");
      assertThat(token.path("public_metadata").isObject()).isTrue();
      assertThat(token.path("label").isNull()).isTrue();
      assertThat(token.path("scopes").toString()).isEqualTo("[\"repo\",\"read:user\"]");
      assertThat(token.path("expires_at").isNull()).isTrue();
      assertThat(token.has("token_secret")).isFalse();
    }
    JsonNode bare = ok(get("/v1/users/" + account.userId() + "/oauth_access_tokens/oauth_github", clerk.secretKey()));
    assertThat(bare).hasSize(1);
    assertThat(bare.get(0).path("token").asText()).isEqualTo("gho_abc123");
  }

  @Test
  void anotherProvidersTokenIsNotListed() throws Exception {
    OAuthAccount account = userWithGithubToken("gho_only_github");

    JsonNode page = ok(get("/v1/users/" + account.userId() + "/oauth_access_tokens/oauth_google?paginated=true", clerk.secretKey()));

    assertThat(page.path("data")).isEmpty();
  }

  private static OAuthAccount userWithGithubToken(String token) {
    String userId = clerk.directory().createUser(new ClerkDirectory.NewUser("ext-" + ClerkIds.random(8), null, List.of(), null, null)).id();
    return clerk.directory().connectOAuthAccount(userId, "github", token, List.of("repo", "read:user"));
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path, String secret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(clerk.apiUrl() + path)).timeout(Duration.ofSeconds(5)).GET();
    if (secret != null) b.header("Authorization", "Bearer " + secret);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
