package io.artifact.e2e.router;

import io.artifact.e2e.evidence.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.NoConnectionReuseStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * HTTP through the public edge as a user's client would send it, redirects not followed, every
 * exchange recorded (redacted) as evidence. On the embedded stack requests go to the edge
 * listener, which takes them as Fly's proxy does (absolute URL, public host); on Fly straight to
 * {@code https://<host>}.
 *
 * <p>Apache HttpClient, as rest-assured itself sends them, without rest-assured's Groovy request
 * pipeline on top: a visit is a few plain GETs, and that pipeline was a fifth of the suite's Java
 * CPU (JFR over the kill matrix, C1). Not the JDK client: computer hosts carry underscores
 * ({@code user_…}), which {@link java.net.URI} does not take as a host name and browsers do.
 */
public final class RouterProbe {

  private static final int MAX_HOPS = 5;
  private static final int BODY_EXCERPT = 600;
  /** One client for every probe, each request on a connection of its own, as rest-assured sent them. */
  private static final CloseableHttpClient HTTP = HttpClients.custom()
      .disableRedirectHandling()      // each hop is recorded, and only hops within the slice's domain are followed
      .disableCookieManagement()      // the caller's cookies are the session; what the stack sets is not carried on
      .disableAutomaticRetries()      // a refused or reset connection is an answer to report, not to hide
      .setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE) // so no request lands on one an edge since stopped closed
      .setMaxConnPerRoute(64).setMaxConnTotal(256)
      .build();

  private final Optional<String> edgeUrl;
  private final Evidence evidence;
  private final RequestConfig config;
  private final AtomicInteger seq = new AtomicInteger();

  /** {@code bound}: how long one request may go unanswered before it is reported as a hang. */
  public RouterProbe(Optional<String> edgeUrl, Evidence evidence, Duration bound) {
    this.edgeUrl = edgeUrl;
    this.evidence = evidence;
    RequestConfig.Builder c = RequestConfig.custom().setConnectTimeout((int) Math.min(bound.toMillis(), 10_000))
        .setSocketTimeout((int) bound.toMillis());
    edgeUrl.ifPresent(edge -> c.setProxy(HttpHost.create(edge)));
    this.config = c.build();
  }

  public Exchange open(String host, String path, Caller caller) {
    String url = (edgeUrl.isPresent() ? "http" : "https") + "://" + host + path;
    HttpGet get = new HttpGet(url);
    get.setConfig(config);
    caller.headers().forEach(get::setHeader);
    long started = System.nanoTime();
    Exchange e;
    try (CloseableHttpResponse r = HTTP.execute(get)) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header h : r.getAllHeaders()) headers.putIfAbsent(h.getName(), h.getValue());
      String body = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8);
      e = new Exchange("GET", url, r.getStatusLine().getStatusCode(), Optional.ofNullable(r.getFirstHeader("Location")).map(Header::getValue),
          Optional.ofNullable(r.getFirstHeader("Content-Type")).map(Header::getValue).orElse(""), body, headers);
    } catch (IOException io) {
      throw new UncheckedIOException("GET " + url + (edgeUrl.map(u -> " through the edge at " + u).orElse("")) + " failed: " + io.getMessage(), io);
    }
    record(caller, e, (System.nanoTime() - started) / 1_000_000);
    return e;
  }

  /** Opens {@code host} and follows redirects that stay under {@code domain}, as a browser would. */
  public List<Exchange> follow(String host, String domain, Caller caller) {
    List<Exchange> hops = new ArrayList<>();
    Exchange e = open(host, "/", caller);
    hops.add(e);
    while (e.redirect() && hops.size() <= MAX_HOPS && Exchange.hostOf(e.location().get()).endsWith(domain)) {
      String next = e.location().get();
      e = open(Exchange.hostOf(next), Exchange.pathOf(next), caller);
      hops.add(e);
    }
    return hops;
  }

  private void record(Caller caller, Exchange e, long ms) {
    StringBuilder t = new StringBuilder();
    t.append("> ").append(e.method()).append(' ').append(e.url()).append('\n');
    caller.headers().forEach((k, v) -> t.append("> ").append(k).append(": ").append(v).append('\n'));
    t.append("< ").append(e.status()).append("   (").append(ms).append(" ms)\n");
    e.location().ifPresent(l -> t.append("< Location: ").append(l).append('\n'));
    e.header("Retry-After").ifPresent(v -> t.append("< Retry-After: ").append(v).append('\n'));
    t.append("< Content-Type: ").append(e.contentType()).append("\n\n");
    t.append(e.body().length() > BODY_EXCERPT ? e.body().substring(0, BODY_EXCERPT) + "…" : e.body());
    evidence.text(String.format("router-exchange-%02d.txt", seq.incrementAndGet()), t.toString());
  }
}
