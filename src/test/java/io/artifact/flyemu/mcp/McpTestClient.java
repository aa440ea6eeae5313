package io.artifact.flyemu.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** An SDK client on the control plane, as any MCP client would connect (bearer token optional). */
final class McpTestClient implements AutoCloseable {

  private final McpSyncClient client;

  private McpTestClient(McpSyncClient client) {
    this.client = client;
  }

  static McpTestClient connect(String mcpUrl, String token) {
    URI uri = URI.create(mcpUrl);
    HttpRequest.Builder rb = HttpRequest.newBuilder();
    if (token != null) rb.header("Authorization", "Bearer " + token);
    HttpClientStreamableHttpTransport t = HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
        .endpoint(uri.getPath()).requestBuilder(rb).build();
    McpSyncClient c = McpClient.sync(t).requestTimeout(Duration.ofSeconds(20)).initializationTimeout(Duration.ofSeconds(20)).build();
    c.initialize();
    return new McpTestClient(c);
  }

  static McpSyncClient raw(String mcpUrl, String token) {
    URI uri = URI.create(mcpUrl);
    HttpRequest.Builder rb = HttpRequest.newBuilder();
    if (token != null) rb.header("Authorization", "Bearer " + token);
    HttpClientStreamableHttpTransport t = HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
        .endpoint(uri.getPath()).requestBuilder(rb).build();
    return McpClient.sync(t).requestTimeout(Duration.ofSeconds(20)).initializationTimeout(Duration.ofSeconds(20)).build();
  }

  McpSyncClient sdk() {
    return client;
  }

  CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> ok(String tool, Map<String, Object> args) {
    CallToolResult r = call(tool, args);
    if (Boolean.TRUE.equals(r.isError())) throw new AssertionError(tool + " failed: " + text(r));
    return (Map<String, Object>) r.structuredContent();
  }

  static String text(CallToolResult r) {
    return r.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text()).reduce("", (a, b) -> a + b);
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
