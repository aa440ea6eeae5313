package io.artifact.flyemu.mcp.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.http.Routes;
import io.artifact.flyemu.mcp.audit.Alert;
import io.artifact.flyemu.mcp.audit.Alerts;
import io.artifact.flyemu.mcp.audit.AuditEntry;
import io.artifact.flyemu.mcp.audit.AuditLog;
import io.artifact.flyemu.mcp.auth.Grant;
import io.artifact.flyemu.mcp.auth.OrgTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The control plane's emulator-only surface (never part of the Fly API or the MCP tools): the
 * org's secret store (issue / read the current org token), the token-revocation fault, and the
 * audit trail and alerts for the suite to read. Its only client is the suite's control-plane port.
 */
public final class McpAdminApi implements HttpHandler {

  public static final String PREFIX = "/__emulator/mcp";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrgTokens tokens;
  private final AuditLog audit;
  private final Alerts alerts;
  private final Supplier<Instant> clock;
  private final String defaultFlyOrg;
  private final Routes routes = new Routes();

  public McpAdminApi(OrgTokens tokens, AuditLog audit, Alerts alerts, Supplier<Instant> clock, String defaultFlyOrg) {
    this.defaultFlyOrg = defaultFlyOrg;
    this.tokens = tokens;
    this.audit = audit;
    this.alerts = alerts;
    this.clock = clock;
    routes
        .on("GET", PREFIX + "/audit", (r, p) -> auditLog(r))
        .on("GET", PREFIX + "/alerts", (r, p) -> alertList(r))
        .on("POST", PREFIX + "/orgs/{org}/token", (r, p) -> issue(r, p.get("org")))
        .on("GET", PREFIX + "/orgs/{org}/token", (r, p) -> current(p.get("org")))
        .on("POST", PREFIX + "/orgs/{org}/revoke", (r, p) -> revoke(p.get("org")));
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    return routes.dispatch(request, r -> HttpResponse.json(404, "{\"error\":\"no emulator route " + r.method() + " " + r.path() + "\"}"));
  }

  private HttpResponse auditLog(HttpRequest r) throws Exception {
    ArrayNode arr = JSON.createArrayNode();
    String user = r.query("user").orElse(null);
    for (AuditEntry e : audit.entries(r.query("app_prefix").orElse(null))) {
      if (user != null && !user.equals(e.user())) continue;
      arr.addObject().put("app", e.app()).put("user", e.user()).put("tool", e.tool()).put("params_hash", e.paramsHash())
          .put("outcome", e.outcome()).put("at", e.at().toString());
    }
    return json(200, JSON.createObjectNode().set("entries", arr));
  }

  private HttpResponse alertList(HttpRequest r) throws Exception {
    ArrayNode arr = JSON.createArrayNode();
    for (Alert a : alerts.forOrg(r.query("org").orElse(null))) {
      arr.addObject().put("kind", a.kind()).put("org", a.org()).put("message", a.message()).put("at", a.at().toString());
    }
    return json(200, JSON.createObjectNode().set("alerts", arr));
  }

  private HttpResponse issue(HttpRequest r, String org) throws Exception {
    JsonNode body = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
    List<String> prefixes = new ArrayList<>();
    body.path("prefixes").forEach(p -> prefixes.add(p.asText()));
    if (prefixes.isEmpty()) prefixes.add(org + "-");
    return json(201, grant(tokens.issue(org, body.path("fly_org").asText(defaultFlyOrg), body.path("user").asText("e2e-suite"), prefixes)));
  }

  private HttpResponse current(String org) throws Exception {
    return tokens.current(org).map(g -> json(200, grant(g)))
        .orElseGet(() -> HttpResponse.json(404, "{\"error\":\"org " + org + " has no current token\"}"));
  }

  private HttpResponse revoke(String org) throws Exception {
    return tokens.revoke(org).map(g -> {
      alerts.raise(new Alert("token_revoked", org, "org token " + g.fingerprint() + " of " + g.user() + " was revoked", clock.get()));
      return json(200, JSON.createObjectNode().put("org", org).put("revoked", g.fingerprint()));
    }).orElseGet(() -> HttpResponse.json(404, "{\"error\":\"org " + org + " has no current token\"}"));
  }

  private static ObjectNode grant(Grant g) {
    ObjectNode n = JSON.createObjectNode().put("org", g.org()).put("user", g.user()).put("fly_org", g.flyOrg()).put("token", g.token())
        .put("fingerprint", g.fingerprint()).put("issued_at", g.issuedAt().toString());
    g.prefixes().forEach(n.putArray("prefixes")::add);
    return n;
  }

  private static HttpResponse json(int status, JsonNode node) {
    try {
      return HttpResponse.json(status, JSON.writeValueAsString(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
