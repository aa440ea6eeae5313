package io.artifact.e2e.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Wraps the SDK's client transport so every message in and out lands in the transcript. */
final class RecordingTransport implements McpClientTransport {

  private final McpClientTransport delegate;
  private final McpTranscript transcript;
  private final McpJsonMapper json;

  RecordingTransport(McpClientTransport delegate, McpTranscript transcript, McpJsonMapper json) {
    this.delegate = delegate;
    this.transcript = transcript;
    this.json = json;
  }

  @Override
  public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    return delegate.connect(incoming -> handler.apply(incoming.doOnNext(m -> record("received", m))));
  }

  @Override
  public Mono<Void> sendMessage(JSONRPCMessage message) {
    record("sent", message);
    return delegate.sendMessage(message);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return delegate.closeGracefully();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    delegate.setExceptionHandler(handler);
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return delegate.unmarshalFrom(data, type);
  }

  @Override
  public List<String> protocolVersions() {
    return delegate.protocolVersions();
  }

  private void record(String direction, JSONRPCMessage m) {
    try {
      transcript.add(direction, json.writeValueAsString(m));
    } catch (java.io.IOException e) {
      transcript.add(direction, String.valueOf(m));
    }
  }
}
