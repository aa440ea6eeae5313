package io.artifact.flyemu.mcp.tools;

/**
 * A tool call the control plane will not carry out: {@code refused} (policy: allow-list,
 * reserved names, commands not on the fly.run list) or {@code invalid} (arguments that pass the
 * schema but make no sense). Rendered as an MCP tool error and audited with that outcome.
 */
public final class ToolException extends RuntimeException {

  private final String outcome;
  private final String app;

  private ToolException(String outcome, String message, String app) {
    super(message);
    this.outcome = outcome;
    this.app = app;
  }

  public static ToolException refused(String message) {
    return new ToolException("refused", message, null);
  }

  public static ToolException invalid(String message) {
    return new ToolException("invalid", message, null);
  }

  /** The same refusal, naming the app it concerned (for the audit line). */
  public ToolException about(String app) {
    return new ToolException(outcome, getMessage(), app);
  }

  public java.util.Optional<String> app() {
    return java.util.Optional.ofNullable(app);
  }

  public String outcome() {
    return outcome;
  }
}
