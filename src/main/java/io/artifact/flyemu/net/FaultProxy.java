package io.artifact.flyemu.net;

import io.artifact.flyemu.http.ConnectionAbort;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One proxy in Toxiproxy's model: a {@code name}, a loopback listener ({@code listen}) in front of
 * an {@code upstream} on the private network ({@code <app>.flycast:80}), and named toxics. The
 * private network sends requests for the upstream through the listener while the proxy is enabled
 * and has a toxic, so the toxics act on a real connection: latency delays it, {@code timeout} stalls
 * it and then drops it, {@code reset_peer} drops it with no answer.
 */
public final class FaultProxy implements AutoCloseable {

  /** Marks a request that already passed a fault proxy, so the private network routes it straight on. */
  public static final String HOP = "x-e2e-fault-proxy";
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade", HOP);
  private static final Duration RELAY_BOUND = Duration.ofMinutes(2);
  private static final Duration STALL_CHECK = Duration.ofMillis(10);

  private final class Entry {
    final Toxic toxic;
    final AtomicLong seen = new AtomicLong();
    final AtomicLong hit = new AtomicLong();

    Entry(Toxic toxic) {
      this.toxic = toxic;
    }
  }

  private final String name;
  private final String upstream;
  private final HttpHandler network;
  private final HttpListener listener;
  private final HttpClient relay;
  private final Map<String, Entry> toxics = new LinkedHashMap<>();
  private final AtomicLong connections = new AtomicLong();
  private volatile boolean enabled = true;
  private volatile boolean closed;

  FaultProxy(String name, int listenPort, String upstream, HttpHandler network) {
    this.name = name;
    this.upstream = upstream;
    this.network = network;
    this.listener = HttpListener.start("fault-proxy-" + name, listenPort, this::pass);
    this.relay = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", listener.port())))
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String name() { return name; }
  public String upstream() { return upstream; }
  public String listen() { return "127.0.0.1:" + listener.port(); }
  public boolean enabled() { return enabled; }
  public void enabled(boolean on) { enabled = on; }

  /** The upstream's host, as the private network names it ({@code upstream} without the port). */
  String upstreamHost() {
    int colon = upstream.lastIndexOf(':');
    return (colon < 0 ? upstream : upstream.substring(0, colon)).toLowerCase();
  }

  public synchronized boolean hasToxics() {
    return !toxics.isEmpty();
  }

  public synchronized Toxic add(Toxic t) {
    if (toxics.containsKey(t.name())) throw new IllegalStateException("toxic already exists: " + t.name());
    toxics.put(t.name(), new Entry(t));
    return t;
  }

  public synchronized boolean remove(String toxic) {
    return toxics.remove(toxic) != null;
  }

  public synchronized void clearToxics() {
    toxics.clear();
  }

  public synchronized List<Map<String, Object>> toxicsJson() {
    return toxics.values().stream().map(e -> e.toxic.asJson(e.seen.get(), e.hit.get())).toList();
  }

  public Map<String, Object> asJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("listen", listen());
    m.put("upstream", upstream);
    m.put("enabled", enabled);
    m.put("toxics", toxicsJson());
    m.put("e2e_connections", connections.get());
    return m;
  }

  /** The private network's side: send the request through the listener; a dropped connection drops the caller's too. */
  HttpResponse relay(HttpRequest r) throws InterruptedException {
    var b = java.net.http.HttpRequest.newBuilder(URI.create("http://" + r.host() + r.path() + (r.rawQuery().isEmpty() ? "" : "?" + r.rawQuery())))
        .timeout(RELAY_BOUND).header(HOP, name)
        .method(r.method(), r.body().length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(r.body()));
    r.headers().forEach((k, vs) -> {
      if (!RESTRICTED.contains(k)) vs.forEach(v -> b.header(k, v));
    });
    try {
      var resp = relay.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      resp.headers().map().forEach((k, v) -> {
        if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("connection") && !k.startsWith(":")) headers.put(k, v);
      });
      return new HttpResponse(resp.statusCode(), headers, resp.body());
    } catch (IOException e) {
      throw new ConnectionAbort("fault proxy " + name + ": connection to " + upstream + " dropped (" + e.getMessage() + ")");
    }
  }

  /** The listener's side: toxics on the way up, the upstream, toxics on the way down. */
  private HttpResponse pass(HttpRequest r) throws Exception {
    connections.incrementAndGet();
    List<Entry> active;
    synchronized (this) {
      active = new ArrayList<>(toxics.values());
    }
    List<Entry> hitting = active.stream().filter(e -> {
      boolean hits = e.toxic.hits(e.seen.getAndIncrement());
      if (hits) e.hit.incrementAndGet();
      return hits;
    }).toList();
    for (Entry e : hitting) if (e.toxic.stream().equals("upstream")) act(e);
    HttpResponse response = network.handle(r);
    for (Entry e : hitting) if (e.toxic.stream().equals("downstream")) act(e);
    return response;
  }

  // Stalling the request thread is the injected fault itself: a slow or dead link.
  private void act(Entry e) {
    Toxic t = e.toxic;
    switch (t.type()) {
      case "latency" -> {
        long jitter = t.attribute("jitter");
        park(t.attribute("latency") + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
      }
      case "timeout" -> {
        long timeout = t.attribute("timeout");
        if (timeout > 0) park(timeout);
        else stallWhileActive(e);
        throw new ConnectionAbort("fault proxy " + name + ": toxic " + t.name() + " timed the connection out");
      }
      case "reset_peer" -> {
        park(t.attribute("timeout"));
        throw new ConnectionAbort("fault proxy " + name + ": toxic " + t.name() + " reset the connection");
      }
      default -> throw new IllegalStateException("unknown toxic type " + t.type());
    }
  }

  /** Toxiproxy's {@code timeout: 0}: no data until the toxic is removed (here also bounded, and ended by close). */
  private void stallWhileActive(Entry e) {
    long end = System.nanoTime() + RELAY_BOUND.toNanos();
    while (isActive(e) && !closed && System.nanoTime() < end) park(STALL_CHECK.toMillis());
  }

  private synchronized boolean isActive(Entry e) {
    return toxics.get(e.toxic.name()) == e;
  }

  private static void park(long millis) {
    if (millis > 0) LockSupport.parkNanos(Duration.ofMillis(millis).toNanos());
  }

  @Override
  public void close() {
    closed = true;
    listener.close();
  }
}
