package io.artifact.flyemu.mcp.auth;

import io.artifact.flyemu.mcp.audit.Alert;
import io.artifact.flyemu.mcp.audit.Alerts;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Refuses every request without a valid org token with a plain HTTP 401 before the MCP layer
 * sees it (as the MCP authorization spec asks: {@code WWW-Authenticate: Bearer}), and hands the
 * caller's {@link Grant} to the MCP transport as a request attribute. A revoked token in use is
 * a security signal, so it raises an alert.
 */
public final class BearerGuard extends HttpServlet {

  public static final String GRANT_ATTRIBUTE = "artifact.mcp.grant";

  private final transient HttpServlet inner;
  private final transient TokenCheck tokens;
  private final transient Alerts alerts;
  private final transient Supplier<Instant> clock;
  /** How a presented token becomes a grant: {@link OrgTokens#authenticate}, or a defective variant's check. */
  @FunctionalInterface
  public interface TokenCheck {
    Grant grant(String token) throws TokenRefusedException;
  }

  public BearerGuard(HttpServlet inner, TokenCheck tokens, Alerts alerts, Supplier<Instant> clock) {
    this.inner = inner;
    this.tokens = tokens;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    inner.init(config);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    Grant grant;
    try {
      grant = tokens.grant(bearer(req.getHeader("Authorization")));
    } catch (TokenRefusedException e) {
      e.revoked().ifPresent(g -> alerts.raise(new Alert("revoked_token_used", g.org(),
          "a " + e.getMessage().replaceFirst("^org token \\S+ was ", "") + " org token (" + g.fingerprint()
              + ") was presented by " + g.user(), clock.get())));
      refuse(resp, e.getMessage());
      return;
    }
    req.setAttribute(GRANT_ATTRIBUTE, grant);
    inner.service(req, resp);
  }

  @Override
  public void destroy() {
    inner.destroy();
  }

  private static String bearer(String header) {
    if (header == null) return null;
    String h = header.trim();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }

  private static void refuse(HttpServletResponse resp, String why) throws IOException {
    String safe = why.replace("\"", "'");
    resp.setStatus(401);
    resp.setHeader("WWW-Authenticate", "Bearer realm=\"artifact-control-plane\", error=\"invalid_token\", error_description=\"" + safe + "\"");
    resp.setContentType("application/json");
    resp.getOutputStream().write(("{\"error\":\"unauthorized\",\"error_description\":\"" + safe + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
