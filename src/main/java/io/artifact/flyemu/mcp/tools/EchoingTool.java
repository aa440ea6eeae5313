package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;

/**
 * Defect {@code echoes-secrets}: a "helpful" control plane that repeats each call's arguments as
 * given in its answers and refusals — secret values and tokens included — and so in the audit
 * trail, which records refusals with their message. CONTROL-040's secret rows must catch it.
 */
public final class EchoingTool implements ControlTool {

  private final ControlTool tool;

  public EchoingTool(ControlTool tool) {
    this.tool = tool;
  }

  @Override
  public McpSchema.Tool definition() {
    return tool.definition();
  }

  @Override
  public List<String> apps(Args args, Grant caller) {
    try {
      return tool.apps(args, caller);
    } catch (ToolException e) {
      throw echoing(e, args);
    }
  }

  @Override
  public ToolResult call(Args args, Grant caller) throws Exception {
    try {
      ToolResult r = tool.call(args, caller);
      return new ToolResult(r.structured(), r.summary() + " (called with " + args.raw() + ")", r.error());
    } catch (ToolException e) {
      throw echoing(e, args);
    }
  }

  @Override
  public Set<String> secretArgs() {
    return Set.of();
  }

  private static ToolException echoing(ToolException e, Args args) {
    String message = e.getMessage() + " (called with " + args.raw() + ")";
    ToolException echoed = e.outcome().equals("invalid") ? ToolException.invalid(message) : ToolException.refused(message);
    return e.app().map(echoed::about).orElse(echoed);
  }
}
