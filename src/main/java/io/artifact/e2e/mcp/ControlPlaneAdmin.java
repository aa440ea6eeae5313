package io.artifact.e2e.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


/**
 * The embedded control plane's emulator-only surface (never the Fly API, never an MCP tool): the
 * org's secret store for tokens, the token-revocation fault, and the audit trail and alerts.
 * On a real target it exists only if the profile names {@code mcp.admin.url}.
 */
public final class ControlPlaneAdmin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ControlPlaneAdmin(String base) {
    this.base = base;
  }

  /** Issues a token for {@code org} covering apps that start with {@code prefix}; returns it. */
  public String issueToken(String org, String prefix, String user, String flyOrg) {
    String body = "{\"user\":" + q(user) + ",\"fly_org\":" + q(flyOrg) + ",\"prefixes\":[" + q(prefix) + "]}";
    return send("POST", "/orgs/" + org + "/token", body).path("token").asText();
  }

  public String currentToken(String org) {
    return send("GET", "/orgs/" + org + "/token", null).path("token").asText();
  }

  public void revoke(String org) {
    send("POST", "/orgs/" + org + "/revoke", "");
  }

  public List<AuditRecord> audit(String appPrefix, String user) {
    List<AuditRecord> out = new ArrayList<>();
    send("GET", "/audit?app_prefix=" + enc(appPrefix) + "&user=" + enc(user), null).path("entries").forEach(e -> out.add(
        new AuditRecord(e.path("app").asText(), e.path("user").asText(), e.path("tool").asText(), e.path("params_hash").asText(),
            e.path("outcome").asText(), e.path("at").asText())));
    return out;
  }

  public List<AlertRecord> alerts(String org) {
    List<AlertRecord> out = new ArrayList<>();
    send("GET", "/alerts?org=" + enc(org), null).path("alerts").forEach(a -> out.add(
        new AlertRecord(a.path("kind").asText(), a.path("org").asText(), a.path("message").asText(), a.path("at").asText())));
    return out;
  }

  /** Phase 5: revokes the org's token at teardown; a token the scenario already revoked is fine. */
  public void revokeIfCurrent(String org) {
    HttpResponse<String> r = exchange("POST", "/orgs/" + org + "/revoke", "");
    if (r.statusCode() >= 300 && r.statusCode() != 404) {
      throw new McpPortException("control-plane admin revoke of " + org + " → " + r.statusCode() + " " + r.body(), null);
    }
  }

  private JsonNode send(String method, String path, String body) {
    HttpResponse<String> r = exchange(method, path, body);
    if (r.statusCode() >= 300) throw new McpPortException("control-plane admin " + method + " " + path + " → " + r.statusCode() + " " + r.body(), null);
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new McpPortException("control-plane admin " + method + " " + path + " answered non-JSON: " + e.getMessage(), e);
    }
  }

  private HttpResponse<String> exchange(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .header("content-type", "application/json");
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new McpPortException("control-plane admin " + method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpPortException("interrupted calling the control-plane admin", e);
    }
  }

  private static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

}
