package io.artifact.e2e.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** {@link ExecPort} over an HTTP proxy into the private network (the embedded stack's 6PN, or a WireGuard peer). */
public final class PrivateNetworkExec implements ExecPort {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final Duration timeout;
  private final Consumer<String> transcript;

  private PrivateNetworkExec(HttpClient http, String base, Duration timeout, Consumer<String> transcript) {
    this.http = http;
    this.base = base.replaceAll("/+$", "");
    this.timeout = timeout;
    this.transcript = transcript;
  }

  /** Through a proxy into the private network, to {@code http://<exec app>.flycast} as the router calls it. */
  public static PrivateNetworkExec viaProxy(InetSocketAddress proxy, String execApp, Duration timeout, Consumer<String> transcript) {
    return new PrivateNetworkExec(HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).version(HttpClient.Version.HTTP_1_1).build(),
        "http://" + execApp + ".flycast", timeout, transcript);
  }

  /** Straight to exec's own URL: a locally run exec, or a {@code fly proxy} tunnel's local end. */
  public static PrivateNetworkExec direct(String execUrl, Duration timeout, Consumer<String> transcript) {
    return new PrivateNetworkExec(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), execUrl, timeout, transcript);
  }

  @Override
  public int notifyChanged(String computer) {
    Answer r = notifyAnyway(computer);
    if (r.status() != 200) throw new ExecRefused(computer, r.status(), r.body());
    try {
      return JSON.readTree(r.body()).path("changeCount").asInt();
    } catch (IOException e) {
      throw new IllegalStateException("exec answered 200 without JSON for " + computer + ": " + r.body(), e);
    }
  }

  @Override
  public Answer notifyAnyway(String computer) {
    String url = base + "/changed/" + computer;
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      transcript.accept("POST " + url + " → " + r.statusCode() + r.headers().firstValue("retry-after").map(v -> " (Retry-After: " + v + ")").orElse("")
          + " " + r.body());
      return Answer.of(r);
    } catch (IOException e) {
      throw new IllegalStateException("exec unreachable at " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted notifying exec", e);
    }
  }
}
