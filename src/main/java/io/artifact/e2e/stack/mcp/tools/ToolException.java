package io.artifact.e2e.stack.mcp.tools;

/**
 * A tool call the control plane will not carry out: {@code refused} (policy: allow-list,
 * reserved names, commands not on the fly.run list) or {@code invalid} (arguments that pass the
 * schema but make no sense). Rendered as an MCP tool error and audited with that outcome.
 */
public final class ToolException extends RuntimeException {

  private final String outcome;

  private ToolException(String outcome, String message) {
    super(message);
    this.outcome = outcome;
  }

  public static ToolException refused(String message) {
    return new ToolException("refused", message);
  }

  public static ToolException invalid(String message) {
    return new ToolException("invalid", message);
  }

  public String outcome() {
    return outcome;
  }
}
