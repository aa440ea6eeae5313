package io.artifact.flyemu.agent;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * MCP Streamable HTTP, stateless, served from a Machine program's {@code serve} instead of a
 * servlet: a thousand worker Machines then need no listener each. Same wire behaviour as the
 * SDK's servlet transport: POST carries one JSON-RPC message, requests get a JSON answer,
 * notifications 202, other methods 405.
 */
public final class McpEndpoint implements McpStatelessServerTransport {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  private final Duration timeout;
  private volatile McpStatelessServerHandler handler;

  public McpEndpoint(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void setMcpHandler(McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.empty();
  }

  public HttpResponse handle(HttpRequest request) throws IOException {
    if (!request.method().equals("POST")) return HttpResponse.text(405, "Method Not Allowed");
    String accept = request.header("accept").orElse("");
    if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
      return error(400, "Both application/json and text/event-stream required in Accept header");
    }
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(JSON, request.bodyText());
    } catch (IOException | IllegalArgumentException e) {
      return error(400, "Invalid message format: " + e.getMessage());
    }
    McpTransportContext context = McpTransportContext.create(Map.of("host", request.host()));
    if (message instanceof McpSchema.JSONRPCRequest r) {
      McpSchema.JSONRPCResponse response = handler.handleRequest(context, r)
          .contextWrite(c -> c.put(McpTransportContext.KEY, context)).block(timeout);
      return HttpResponse.json(200, JSON.writeValueAsString(response));
    }
    if (message instanceof McpSchema.JSONRPCNotification n) {
      handler.handleNotification(context, n).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block(timeout);
      return HttpResponse.empty(202);
    }
    return error(400, "The server accepts either requests or notifications");
  }

  private static HttpResponse error(int status, String message) throws IOException {
    return HttpResponse.json(status, JSON.writeValueAsString(Map.of("error", message)));
  }
}
