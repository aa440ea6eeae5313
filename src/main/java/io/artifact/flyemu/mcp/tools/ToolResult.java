package io.artifact.flyemu.mcp.tools;

import java.util.Map;

/** What a tool produced: structured content (matching its output schema) and a one-line summary. */
public record ToolResult(Map<String, Object> structured, String summary, boolean error) {

  public static ToolResult ok(Map<String, Object> structured, String summary) {
    return new ToolResult(structured, summary, false);
  }

  /** A completed call whose result says it failed (a flyctl command exiting non-zero). */
  public static ToolResult failed(Map<String, Object> structured, String summary) {
    return new ToolResult(structured, summary, true);
  }
}
