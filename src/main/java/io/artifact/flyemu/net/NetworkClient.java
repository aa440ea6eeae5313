package io.artifact.flyemu.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How programs inside embedded Machines make HTTP calls by Fly's private names
 * ({@code http://org1-fly-exec.flycast/changed/x}): a JDK client whose proxy is the private network.
 */
public final class NetworkClient {

  private final HttpClient client;
  private final InetSocketAddress proxy;

  public NetworkClient(int privateNetworkPort) {
    this.proxy = new InetSocketAddress("127.0.0.1", privateNetworkPort);
    this.client = HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  public HttpClient client() {
    return client;
  }

  /** For clients that build their own {@link HttpClient} (the MCP SDK transport). */
  public HttpClient.Builder clientBuilder() {
    return HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).version(HttpClient.Version.HTTP_1_1);
  }

  /** Like {@link #clientBuilder()}, but every {@code build()} returns this network's one shared client. */
  public HttpClient.Builder sharedClientBuilder() {
    return new SharedClientBuilder(client);
  }

  public HttpResponse<String> post(String url, String body, Duration timeout) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
