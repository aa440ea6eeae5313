package io.artifact.e2e.mcp;

import java.util.Map;

/**
 * One control-plane tool call as the suite saw it: whether it failed, its structured content and
 * text, and — when the control plane refused the request before MCP (bad or revoked token) — the
 * HTTP status it answered with.
 */
public record ToolCall(String tool, boolean error, Map<String, Object> structured, String text, int httpStatus) {

  public ToolCall {
    structured = structured == null ? Map.of() : structured;
    text = text == null ? "" : text;
  }

  public boolean refusedBeforeMcp() {
    return httpStatus != 0;
  }

  public Object get(String key) {
    return structured.get(key);
  }
}
