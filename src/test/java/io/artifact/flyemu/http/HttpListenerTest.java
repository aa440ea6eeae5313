package io.artifact.flyemu.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Jetty seam on loopback: what a handler sees of a request, and what the client gets back. */
class HttpListenerTest {

  private final AtomicReference<HttpRequest> seen = new AtomicReference<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpListener listener;

  @AfterEach
  void close() {
    if (listener != null) listener.close();
  }

  private HttpListener echo() {
    listener = HttpListener.start("echo-test", request -> {
      seen.set(request);
      if (request.path().equals("/boom")) throw new IllegalStateException("kaput \"here\"\nC:\\tmp");
      return HttpResponse.json(201, "{\"echo\":\"" + request.bodyText() + "\"}").withHeader("x-echo", request.method());
    });
    return listener;
  }

  @Test
  void aHandlerSeesMethodRawPathQueryHeadersAndBody() throws Exception {
    echo();
    var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(listener.baseUrl() + "/v1/apps/a/certificates/%2A.example.test?force=true&x=1"))
        .header("Authorization", "Bearer t").header("X-Multi", "one").POST(BodyPublishers.ofString("hello")).build(), BodyHandlers.ofString());

    HttpRequest r = seen.get();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).as("still encoded; Routes decodes parameters").isEqualTo("/v1/apps/a/certificates/%2A.example.test");
    assertThat(r.query("force")).contains("true");
    assertThat(r.header("authorization")).contains("Bearer t");
    assertThat(r.bodyText()).isEqualTo("hello");
    assertThat(r.host()).isEqualTo("127.0.0.1");
    assertThat(r.port()).isEqualTo(listener.port());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("x-echo")).contains("POST");
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(response.body()).isEqualTo("{\"echo\":\"hello\"}");
  }

  @Test
  void aForwardProxyRequestCarriesTheHostTheClientAskedFor() throws Exception {
    echo();
    HttpClient viaProxy = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", listener.port()))).build();
    viaProxy.send(java.net.http.HttpRequest.newBuilder(URI.create("http://org1-fly-exec.flycast/changed/alice")).GET().build(),
        BodyHandlers.ofString());

    assertThat(seen.get().host()).isEqualTo("org1-fly-exec.flycast");
    assertThat(seen.get().port()).isEqualTo(80);
    assertThat(seen.get().path()).isEqualTo("/changed/alice");
  }

  @Test
  void aFailingHandlerAnswersA500WithAJsonError() throws Exception {
    echo();
    var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(listener.baseUrl() + "/boom")).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("error").asText())
        .isEqualTo("internal: kaput \"here\"\nC:\\tmp");
  }

  @Test
  void closeSucceedsWhileAClientHoldsAnIdleKeepAliveConnection() throws Exception {
    echo();
    client.send(java.net.http.HttpRequest.newBuilder(URI.create(listener.baseUrl() + "/")).build(), BodyHandlers.discarding());

    long t0 = System.nanoTime();
    assertThatCode(listener::close).doesNotThrowAnyException();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to close").isLessThan(900);
    listener = null;
  }
}
