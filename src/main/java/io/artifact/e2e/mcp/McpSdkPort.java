package io.artifact.e2e.mcp;

import io.artifact.e2e.evidence.Redactor;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link McpPort} on the official MCP Java SDK client (Streamable HTTP). Connects lazily with the
 * current org token and reconnects after the control plane refused a request, as a real agent
 * would. Secret argument values are registered with the redactor before they are sent.
 */
public final class McpSdkPort implements McpPort {

  private static final Pattern DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

  private final String url;
  private final Supplier<String> token;
  private final Redactor redactor;
  private final McpTranscript transcript;
  private final Duration timeout;
  private McpSyncClient client;

  public McpSdkPort(String url, Supplier<String> token, Redactor redactor, Duration timeout) {
    this.url = url;
    this.token = token;
    this.redactor = redactor;
    this.transcript = new McpTranscript(redactor);
    this.timeout = timeout;
  }

  @Override
  public List<McpSchema.Tool> tools() {
    try {
      return client().listTools().tools();
    } catch (RuntimeException e) {
      throw failure("tools/list", e);
    }
  }

  @Override
  public ToolCall call(String tool, Map<String, Object> arguments) {
    registerSecrets(arguments);
    try {
      CallToolResult r = client().callTool(CallToolRequest.builder(tool).arguments(arguments).build());
      return new ToolCall(tool, Boolean.TRUE.equals(r.isError()), structured(r.structuredContent()), text(r), 0);
    } catch (RuntimeException e) {
      if (McpError.findRootCause(e) instanceof McpHttpClientTransportAuthorizationException refused) return refusal(tool, refused);
      throw failure(tool, e);
    }
  }

  @Override
  public McpTranscript transcript() {
    return transcript;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      try {
        client.closeGracefully();
      } catch (RuntimeException ignored) {
        // the session may already be gone (token revoked); nothing left to release
      }
      client = null;
    }
  }

  private synchronized McpSyncClient client() {
    if (client == null) {
      String t = token.get();
      redactor.secret(t);
      URI uri = URI.create(url);
      HttpClientStreamableHttpTransport http = HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
          .endpoint(uri.getPath()).requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + t)).build();
      McpSyncClient c = McpClient.sync(new RecordingTransport(http, transcript, McpJsonDefaults.getMapper()))
          .clientInfo(new McpSchema.Implementation("artifact-e2e", "0.1.0"))
          .requestTimeout(timeout).initializationTimeout(timeout).build();
      c.initialize();
      client = c;
    }
    return client;
  }

  private ToolCall refusal(String tool, McpHttpClientTransportAuthorizationException e) {
    close();
    int status = e.getResponseInfo().statusCode();
    String header = e.getResponseInfo().headers().firstValue("www-authenticate").orElse("");
    Matcher m = DESCRIPTION.matcher(header);
    String why = m.find() ? m.group(1) : "no reason given";
    transcript.add("http", "{\"status\":" + status + ",\"www-authenticate\":\"" + header.replace("\"", "'") + "\"}");
    return new ToolCall(tool, true, Map.of(), "the control plane refused the request (HTTP " + status + "): " + why, status);
  }

  private McpPortException failure(String what, RuntimeException e) {
    return new McpPortException("MCP " + what + " at " + url + " failed: " + redactor.redact(McpError.aggregateExceptionMessages(e)), e);
  }

  @SuppressWarnings("unchecked")
  private void registerSecrets(Map<String, Object> args) {
    args.forEach((k, v) -> {
      if (k.equals("value") && v instanceof String s) redactor.secret(s);
      if (k.equals("secrets") && v instanceof Map<?, ?> perRole) {
        perRole.values().forEach(m -> ((Map<String, Object>) m).values().forEach(x -> redactor.secret(String.valueOf(x))));
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : o == null ? Map.of() : Map.of("value", o);
  }

  private static String text(CallToolResult r) {
    StringBuilder sb = new StringBuilder();
    r.content().stream().filter(TextContent.class::isInstance).forEach(c -> sb.append(((TextContent) c).text()));
    return sb.toString();
  }
}
