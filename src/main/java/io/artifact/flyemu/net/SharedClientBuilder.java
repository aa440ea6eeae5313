package io.artifact.flyemu.net;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A builder that hands out one shared client. SDK transports insist on building their own
 * {@link HttpClient}; on Java 17 each owns a selector thread until it is garbage collected, so
 * exec's thousand MCP loads share one client (and its pooled connections) instead. Settings
 * the transport asks for are ignored: the shared client already has the network's proxy.
 */
final class SharedClientBuilder implements HttpClient.Builder {

  private final HttpClient client;

  SharedClientBuilder(HttpClient client) {
    this.client = client;
  }

  @Override public HttpClient.Builder cookieHandler(CookieHandler h) { return this; }
  @Override public HttpClient.Builder connectTimeout(Duration d) { return this; }
  @Override public HttpClient.Builder sslContext(SSLContext c) { return this; }
  @Override public HttpClient.Builder sslParameters(SSLParameters p) { return this; }
  @Override public HttpClient.Builder executor(Executor e) { return this; }
  @Override public HttpClient.Builder followRedirects(HttpClient.Redirect r) { return this; }
  @Override public HttpClient.Builder version(HttpClient.Version v) { return this; }
  @Override public HttpClient.Builder priority(int p) { return this; }
  @Override public HttpClient.Builder proxy(ProxySelector s) { return this; }
  @Override public HttpClient.Builder authenticator(Authenticator a) { return this; }

  @Override
  public HttpClient build() {
    return client;
  }
}
