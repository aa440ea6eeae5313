package io.artifact.flyemu.mcp;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackComponent;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.mcp.admin.McpAdminApi;
import io.artifact.flyemu.mcp.audit.Alerts;
import io.artifact.flyemu.mcp.audit.AuditLog;
import io.artifact.flyemu.mcp.auth.BearerGuard;
import io.artifact.flyemu.mcp.auth.OrgTokens;
import io.artifact.flyemu.mcp.tools.ControlTool;
import io.artifact.flyemu.mcp.tools.ToolRunner;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Artifact control plane (E2E.md "Artifact control plane"; stack-contract.md §6.2–6.3): a
 * real MCP server (official SDK, Streamable HTTP at {@code /mcp}) serving the {@code infra.*}
 * and {@code fly.*} tools over the embedded platform, as Artifact's central app holding the org
 * token would. Bearer org tokens, per-app authorization by org prefix, an audit trail and alerts;
 * the emulator-only admin surface sits on its own listener.
 */
public final class ControlPlane implements StackComponent {

  private final ControlPlaneSettings configured;
  private ControlPlaneSettings settings;
  private OrgTokens tokens;
  private AuditLog audit;
  private Alerts alerts;
  private McpSyncServer server;
  private HttpListener mcp;
  private HttpListener admin;

  /** Configured from the stack's {@code mcp.*} settings. */
  public ControlPlane() {
    this(null);
  }

  public ControlPlane(ControlPlaneSettings settings) {
    this.configured = settings;
  }

  @Override
  public void start(EmbeddedStack stack) {
    settings = configured != null ? configured : ControlPlaneSettings.from(stack.settings());
    FlyPlatform fly = stack.platform();
    Supplier<Instant> clock = () -> fly.scheduler().now();
    tokens = new OrgTokens(clock);
    audit = new AuditLog(10_000);
    alerts = new Alerts();
    tokens.issue(settings.org(), settings.org(), settings.user(), settings.allowedPrefixes());
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .mcpEndpoint("/mcp")
        // SDK 2.1.0 runs the idle-session sweeper on a non-daemon scheduler that closing never
        // disposes, which keeps any JVM embedding the stack alive; clients here end their sessions.
        .sessionSweepInterval(null)
        .contextExtractor(req -> {
          Map<String, Object> ctx = new HashMap<>();
          ctx.put(BearerGuard.GRANT_ATTRIBUTE, req.getAttribute(BearerGuard.GRANT_ATTRIBUTE));
          return McpTransportContext.create(ctx);
        })
        .build();
    // the defective variants are strategies chosen here, not flags inside the runner or the guard
    ToolRunner runner = new ToolRunner(settings.allowedPrefixes(), settings.defect() == Defect.NO_AUDIT ? entry -> { } : audit::record, clock);
    List<ControlTool> tools = ControlTools.all(stack, tokens, alerts, settings);
    server = McpServer.sync(transport)
        .serverInfo("artifact-control-plane", "0.1.0")
        .instructions("Artifact control plane: infra.* provisioning tools and MCP-guarded fly.* operations. Every call is authorized per app and audited.")
        .capabilities(ServerCapabilities.builder().tools(true).build())
        .validateToolInputs(false) // the runner validates, so invalid calls are audited too
        .tools(tools.stream().map(runner::spec).toList())
        .build();
    mcp = stack.listen(HttpListener.startServlet("mcp", settings.port(), "/mcp",
        new BearerGuard(transport, settings.defect() == Defect.REVOKED_TOKEN_ACCEPTED ? tokens::ignoringRevocation : tokens::authenticate,
            alerts, clock)));
    admin = stack.listen(HttpListener.start("mcp-admin", new McpAdminApi(tokens, audit, alerts, clock, settings.org())));
  }

  @Override
  public Map<String, String> endpoints() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("mcp", mcpUrl());
    e.put("mcp_admin", admin.baseUrl() + McpAdminApi.PREFIX);
    return e;
  }

  /** The Streamable HTTP endpoint, {@code http://127.0.0.1:<port>/mcp}. */
  public String mcpUrl() {
    return mcp.baseUrl() + "/mcp";
  }

  /** The local org token ({@code stack up} prints it); covers every allow-listed prefix. */
  public String orgToken() {
    return tokens.current(settings.org()).orElseThrow(() -> new IllegalStateException("the local org token was revoked")).token();
  }

  public ControlPlaneSettings settings() { return settings; }
  public OrgTokens tokens() { return tokens; }
  public AuditLog audit() { return audit; }
  public Alerts alerts() { return alerts; }

  @Override
  public void close() {
    if (server != null) server.close();
  }
}
