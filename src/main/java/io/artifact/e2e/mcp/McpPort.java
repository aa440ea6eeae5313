package io.artifact.e2e.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The Artifact control plane as any MCP client reaches it (Streamable HTTP, bearer org token).
 * Tool failures — refusals, invalid arguments, a token the control plane no longer accepts — come
 * back as a {@link ToolCall} with {@code error} set, never as an exception; only a broken
 * transport throws {@link McpPortException}. Every request and response is kept in the transcript.
 */
public interface McpPort extends AutoCloseable {

  /** {@code tools/list}: each tool with its input and output schemas. */
  List<McpSchema.Tool> tools();

  ToolCall call(String tool, Map<String, Object> arguments);

  McpTranscript transcript();

  @Override
  void close();
}
