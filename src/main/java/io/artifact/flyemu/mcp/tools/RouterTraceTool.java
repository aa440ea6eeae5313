package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.mcp.auth.Grant;
import io.artifact.flyemu.mcp.trace.RouterTrace;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** {@code infra.router_trace(host, path?)}: how the router resolves a request, read-only (E2E.md Phase 3 evidence). */
public final class RouterTraceTool implements ControlTool {

  private final RouterTrace trace;

  public RouterTraceTool(RouterTrace trace) {
    this.trace = trace;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.router_trace").title("Router trace")
        .description("Explains how the router resolves a host and path: computer, agent, instance file state, Machine and replay target. Changes nothing.")
        .inputSchema(Schema.object()
            .required("host", Schema.string("public host, e.g. brave-otter--user_2abc.agentic.example.com", "^[A-Za-z0-9_.:-]+$"))
            .optional("path", Schema.string("request path", "^/.*$")).build())
        .outputSchema(Schema.object().open()
            .required("router_app", Schema.string("the router app serving the host"))
            .required("kind", Schema.string("base, computer, agent or invalid"))
            .required("decision", Schema.string("what the router would answer")).build())
        .build();
  }

  @Override
  public List<String> apps(Args args, Grant caller) {
    return List.of(trace.routerFor(args.string("host")).name());
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    Map<String, Object> t = trace.trace(args.string("host"), args.optString("path").orElse("/"));
    return ToolResult.ok(t, args.string("host") + args.optString("path").orElse("/") + " → " + t.get("decision"));
  }
}
