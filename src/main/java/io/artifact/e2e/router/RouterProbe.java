package io.artifact.e2e.router;

import static io.restassured.RestAssured.given;

import io.artifact.e2e.evidence.Evidence;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP through the public edge as a user's client would send it, redirects not followed, every
 * exchange recorded (redacted) as evidence. On the embedded stack requests go to the edge
 * listener with the public host in the Host header; on Fly straight to {@code https://<host>}.
 */
public final class RouterProbe {

  private static final int MAX_HOPS = 5;
  private static final int BODY_EXCERPT = 600;

  private final Optional<String> edgeUrl;
  private final Evidence evidence;
  private final AtomicInteger seq = new AtomicInteger();

  public RouterProbe(Optional<String> edgeUrl, Evidence evidence) {
    this.edgeUrl = edgeUrl;
    this.evidence = evidence;
  }

  public Exchange open(String host, String path, Caller caller) {
    RequestSpecification spec = given().redirects().follow(false).urlEncodingEnabled(false);
    if (edgeUrl.isPresent()) spec.baseUri(edgeUrl.get()).header("Host", host);
    else spec.baseUri("https://" + host);
    caller.headers().forEach(spec::header);
    long started = System.nanoTime();
    Response r = spec.get(path);
    long ms = (System.nanoTime() - started) / 1_000_000;
    String scheme = edgeUrl.isPresent() ? "http" : "https";
    Map<String, String> headers = new LinkedHashMap<>();
    r.headers().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
    Exchange e = new Exchange("GET", scheme + "://" + host + path, r.statusCode(), Optional.ofNullable(r.header("Location")),
        String.valueOf(r.contentType()), r.asString(), headers);
    record(caller, e, ms);
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
