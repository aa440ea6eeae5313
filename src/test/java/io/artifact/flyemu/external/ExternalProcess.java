package io.artifact.flyemu.external;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny process outside the emulator (JDK HttpServer on loopback) that records what it was sent. */
final class ExternalProcess implements AutoCloseable {

  record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  interface Answer {
    void answer(HttpExchange exchange, Seen seen) throws IOException;
  }

  final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  private ExternalProcess(HttpServer server) {
    this.server = server;
  }

  static ExternalProcess start(int port, Answer answer) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      ExternalProcess p = new ExternalProcess(server);
      server.createContext("/", exchange -> {
        Seen s = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        p.seen.add(s);
        answer.answer(exchange, s);
        exchange.close();
      });
      server.start();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers with a fixed length (chunked when {@code chunked}). */
  static void reply(HttpExchange x, int status, String contentType, String body, boolean chunked) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", contentType);
    x.sendResponseHeaders(status, chunked ? 0 : b.length);
    x.getResponseBody().write(b);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
