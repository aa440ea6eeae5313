package io.artifact.e2e.mcp;

/** The control plane could not be reached or answered outside the MCP protocol. */
public final class McpPortException extends RuntimeException {

  public McpPortException(String message, Throwable cause) {
    super(message, cause);
  }
}
