package io.artifact.e2e.clerk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.artifact.e2e.evidence.Redactor;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link ClerkPort} over Clerk's Backend API with rest-assured: {@code https://api.clerk.com} with
 * the instance's secret key for real targets, the local Clerk's URL and key for the embedded stack.
 * Every exchange goes to the transcript listener, secrets and JWTs already redacted.
 */
public final class ClerkBackendApi implements ClerkPort {

  public static final String DEFAULT_API_URL = "https://api.clerk.com";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
      .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 15_000));

  private final String apiUrl;
  private final String secretKey;
  private final String signInUrl;
  private final Redactor redactor;
  private final TranscriptFilter transcript;

  /** The secret key is registered with {@code redactor}, which cleans every transcript line and error message. */
  public ClerkBackendApi(String apiUrl, String secretKey, String signInUrl, Redactor redactor, Consumer<String> transcript) {
    if (secretKey == null || secretKey.isBlank()) throw new IllegalArgumentException("the Clerk secret key is missing");
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.secretKey = secretKey;
    this.signInUrl = signInUrl;
    this.redactor = redactor;
    redactor.secret(secretKey);
    this.transcript = new TranscriptFilter(transcript, redactor);
  }

  /** For real targets: {@code CLERK_SECRET_KEY}, {@code CLERK_API_URL} (optional), {@code CLERK_SIGN_IN_URL} or {@code CLERK_PUBLISHABLE_KEY}. */
  public static ClerkBackendApi fromEnvironment(Map<String, String> env, Redactor redactor, Consumer<String> transcript) {
    String secret = env.get("CLERK_SECRET_KEY");
    if (secret == null || secret.isBlank()) throw new IllegalStateException("CLERK_SECRET_KEY is not set: the suite cannot create Clerk test sessions");
    String signIn = env.get("CLERK_SIGN_IN_URL");
    if (signIn == null || signIn.isBlank()) signIn = AccountPortal.signInUrl(env.get("CLERK_PUBLISHABLE_KEY"));
    String api = env.getOrDefault("CLERK_API_URL", "");
    return new ClerkBackendApi(api.isBlank() ? DEFAULT_API_URL : api, secret, signIn, redactor, transcript);
  }

  @Override
  public TestUser user(String name) {
    JsonNode found = call("GET", "/v1/users", Map.of("external_id", name), null);
    if (found.size() > 0) return new TestUser(found.get(0).path("id").asText(), name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("external_id", name);
    body.put("email_address", List.of(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") + "+clerk_test@example.com"));
    body.put("skip_password_requirement", true);
    return new TestUser(call("POST", "/v1/users", null, body).path("id").asText(), name);
  }

  @Override
  public SessionToken sessionToken(TestUser user) {
    return sessionToken(user, null);
  }

  @Override
  public SessionToken sessionToken(TestUser user, Duration lifetime) {
    String sessionId = call("POST", "/v1/sessions", null, Map.of("user_id", user.id())).path("id").asText();
    Map<String, Object> body = lifetime == null ? Map.of() : Map.of("expires_in_seconds", lifetime.toSeconds());
    String jwt = call("POST", "/v1/sessions/" + sessionId + "/tokens", null, body).path("jwt").asText();
    try {
      JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
      return new SessionToken(jwt, sessionId, claims.getSubject(), claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    } catch (ParseException | NullPointerException e) {
      throw new ClerkApiException("POST /v1/sessions/" + sessionId + "/tokens", 200, null, "the answer is not a session token with iat and exp");
    }
  }

  @Override
  public void revoke(SessionToken token) {
    call("POST", "/v1/sessions/" + token.sessionId() + "/revoke", null, null);
  }

  @Override
  public void deleteUser(TestUser user) {
    call("DELETE", "/v1/users/" + user.id(), null, null);
  }

  @Override
  public String signInUrl() {
    return signInUrl;
  }

  private JsonNode call(String method, String path, Map<String, String> query, Object body) {
    String endpoint = method + " " + path;
    RequestSpecification request = RestAssured.given().config(CONFIG).baseUri(apiUrl)
        .header("Authorization", "Bearer " + secretKey).accept(ContentType.JSON).filter(transcript);
    if (query != null) request.queryParams(query);
    if (body != null) request.contentType(ContentType.JSON).body(json(body));
    Response response;
    try {
      response = request.request(method, path);
    } catch (Exception e) {
      throw new ClerkApiException(endpoint, redactor.redact(String.valueOf(e.getMessage())));
    }
    JsonNode answer = parse(response.asString());
    if (response.statusCode() >= 400) {
      JsonNode error = answer.path("errors").path(0);
      String message = error.path("long_message").asText(error.path("message").asText(response.statusLine()));
      throw new ClerkApiException(endpoint, response.statusCode(), error.path("code").asText(null), redactor.redact(message));
    }
    return answer;
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise a Clerk request body", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
