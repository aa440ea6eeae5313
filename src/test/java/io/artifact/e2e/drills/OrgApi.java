package io.artifact.e2e.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The org through the Machines API, as an ops script sees it: plain HTTP with the org's token,
 * independent of the suite's own Fly adapter (a drill that judged the suite with the suite's
 * code could share its blind spots).
 */
final class OrgApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL = Duration.ofSeconds(15);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;
  final String org;

  OrgApi(String base, String token, String org) {
    this.base = base;
    this.token = token;
    this.org = org;
  }

  JsonNode apps() {
    return get("/v1/apps?org_slug=" + URLEncoder.encode(org, StandardCharsets.UTF_8)).path("apps");
  }

  JsonNode machines(String app) {
    return get("/v1/apps/" + app + "/machines");
  }

  JsonNode secrets(String app) {
    return get("/v1/apps/" + app + "/secrets").path("secrets");
  }

  JsonNode volumes(String app) {
    return get("/v1/apps/" + app + "/volumes");
  }

  JsonNode certificates(String app) {
    return get("/v1/apps/" + app + "/certificates");
  }

  JsonNode createMachine(String app, JsonNode body) {
    return send("POST", "/v1/apps/" + app + "/machines", body.toString());
  }

  void stopMachine(String app, String id) {
    send("POST", "/v1/apps/" + app + "/machines/" + id + "/stop", "{}");
  }

  /** Fly's own wait (at most 60 s per call). */
  void awaitState(String app, String id, String state) {
    get("/v1/apps/" + app + "/machines/" + id + "/wait?state=" + state + "&timeout=30");
  }

  private JsonNode get(String path) {
    return send("GET", path, null);
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) throw new AssertionError(method + " " + path + " → " + r.statusCode() + " " + r.body());
      return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + method + " " + path, e);
    }
  }
}
