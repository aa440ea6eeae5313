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
 * How programs make HTTP calls by Fly's private names ({@code http://org1-fly-exec.flycast/changed/x}):
 * a JDK client whose proxy is the private network — the embedded one for programs in its Machines,
 * or whatever {@code HTTP_PROXY} names for a process run outside it.
 */
public final class NetworkClient {

  private final HttpClient client;
  private final ProxySelector proxy;

  public NetworkClient(int privateNetworkPort) {
    this(ProxySelector.of(new InetSocketAddress("127.0.0.1", privateNetworkPort)));
  }

  private NetworkClient(ProxySelector proxy) {
    this.proxy = proxy;
    this.client = HttpClient.newBuilder().proxy(proxy).connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /** Through the HTTP proxy at {@code address} (the private network as a forward proxy). */
  public static NetworkClient through(InetSocketAddress address) {
    return new NetworkClient(ProxySelector.of(address));
  }

  /** Without a proxy: private names resolve only if this host's DNS knows them (WireGuard on Fly). */
  public static NetworkClient direct() {
    return new NetworkClient(HttpClient.Builder.NO_PROXY);
  }

  public HttpClient client() {
    return client;
  }

  /** For clients that build their own {@link HttpClient} (the MCP SDK transport). */
  public HttpClient.Builder clientBuilder() {
    return HttpClient.newBuilder().proxy(proxy).version(HttpClient.Version.HTTP_1_1);
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
