package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;

/** One control-plane tool: its MCP definition, the apps a call acts on, and the call itself. */
public interface ControlTool {

  McpSchema.Tool definition();

  /**
   * The apps this call touches; each is authorized against the caller's org before {@link #call}.
   * Most tools act on the one app named by their {@code app} argument.
   */
  default List<String> apps(Args args, Grant caller) {
    return List.of(args.string("app"));
  }

  ToolResult call(Args args, Grant caller) throws Exception;

  /** Arguments carrying secret values: left out of the audit's params hash and never echoed. */
  default Set<String> secretArgs() {
    return Set.of();
  }

  default String name() {
    return definition().name();
  }
}
