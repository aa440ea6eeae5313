package io.artifact.e2e.clerk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.artifact.e2e.evidence.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link ClerkPort} over Clerk's Backend API: {@code https://api.clerk.com} with the instance's
 * secret key for real targets, the local Clerk's URL and key for the embedded stack. Every exchange
 * goes to the transcript listener, secrets and JWTs already redacted. The transport is the JDK HTTP
 * client, as for the Fly adapter ({@code FlyHttp}): every scenario makes several of these calls per
 * user, and rest-assured's Groovy dispatch cost ~3 s of the 67-row run's 34 s of CPU on two cores.
 */
public final class ClerkBackendApi implements ClerkPort {

  public static final String DEFAULT_API_URL = "https://api.clerk.com";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private final String apiUrl;
  private final String secretKey;
  private final String signInUrl;
  private final Redactor redactor;
  private final Consumer<String> transcript;

  /** The secret key is registered with {@code redactor}, which cleans every transcript line and error message. */
  public ClerkBackendApi(String apiUrl, String secretKey, String signInUrl, Redactor redactor, Consumer<String> transcript) {
    if (secretKey == null || secretKey.isBlank()) throw new IllegalArgumentException("the Clerk secret key is missing");
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.secretKey = secretKey;
    this.signInUrl = signInUrl;
    this.redactor = redactor;
    redactor.secret(secretKey);
    this.transcript = transcript;
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
    String q = query == null || query.isEmpty() ? "" : "?" + query.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String payload = body == null ? null : json(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path + q)).timeout(CALL_TIMEOUT)
        .header("Authorization", "Bearer " + secretKey).header("Accept", "application/json")
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
    if (payload != null) request.header("Content-Type", "application/json");
    HttpRequest built = request.build();
    // the transcript: request line, headers and body, then status, time and answer; redacted before it leaves
    StringBuilder text = new StringBuilder("→ ").append(method).append(' ').append(built.uri()).append('\n');
    built.headers().map().forEach((k, vs) -> vs.forEach(v -> text.append("  ").append(k).append(": ").append(v).append('\n')));
    if (payload != null) text.append("  ").append(payload).append('\n');
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
      text.append("← ").append(response.statusCode()).append(" (").append((System.nanoTime() - start) / 1_000_000).append(" ms)\n");
      if (!response.body().isEmpty()) text.append("  ").append(response.body()).append('\n');
    } catch (IOException e) {
      text.append("← no answer: ").append(e).append('\n');
      throw new ClerkApiException(endpoint, redactor.redact(String.valueOf(e.getMessage() != null ? e.getMessage() : e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClerkApiException(endpoint, "interrupted");
    } finally {
      transcript.accept(redactor.redact(text.toString()));
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() >= 400) {
      JsonNode error = answer.path("errors").path(0);
      String message = error.path("long_message").asText(error.path("message").asText("HTTP " + response.statusCode()));
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
