package io.artifact.flyemu.net;

import io.artifact.flyemu.http.HttpHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The private network's fault proxies, by name (Toxiproxy's proxy list): created, changed and reset
 * only through the emulator's admin surface. Listeners are loopback only.
 */
public final class FaultProxies implements AutoCloseable {

  private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();
  private volatile HttpHandler network;

  /** Where a proxy sends what passed its toxics: the private network, routing straight on. */
  void network(HttpHandler network) {
    this.network = network;
  }

  /** {@code listen} is {@code host:port} on loopback; port 0 picks a free one (as Toxiproxy does). */
  public synchronized FaultProxy create(String name, String listen, String upstream, boolean enabled) {
    if (name == null || !name.matches("[A-Za-z0-9_.-]{1,100}")) throw new IllegalArgumentException("proxy name must be letters, digits, '_', '.', '-'");
    if (proxies.containsKey(name)) throw new IllegalStateException("proxy already exists: " + name);
    if (upstream == null || upstream.isBlank()) throw new IllegalArgumentException("upstream is required, e.g. org1-fly-exec.flycast:80");
    if (network == null) throw new IllegalStateException("fault proxies are not attached to a private network");
    FaultProxy p = new FaultProxy(name, port(listen), upstream, network);
    p.enabled(enabled);
    proxies.put(name, p);
    return p;
  }

  public synchronized Optional<FaultProxy> get(String name) {
    return Optional.ofNullable(proxies.get(name));
  }

  public synchronized List<FaultProxy> all() {
    return new ArrayList<>(proxies.values());
  }

  public boolean delete(String name) {
    FaultProxy p;
    synchronized (this) {
      p = proxies.remove(name);
    }
    if (p == null) return false;
    p.close();
    return true;
  }

  /** Toxiproxy's {@code /reset}: every proxy enabled, every toxic removed. */
  public synchronized void reset() {
    proxies.values().forEach(p -> {
      p.enabled(true);
      p.clearToxics();
    });
  }

  /** The proxy traffic to {@code host} goes through: one in front of it that is enabled and has a toxic. */
  synchronized Optional<FaultProxy> routing(String host) {
    return proxies.values().stream().filter(p -> p.enabled() && p.hasToxics() && p.upstreamHost().equals(host)).findFirst();
  }

  private static int port(String listen) {
    String l = listen == null || listen.isBlank() ? "127.0.0.1:0" : listen;
    int colon = l.lastIndexOf(':');
    String host = colon < 0 ? "" : l.substring(0, colon);
    if (!host.isEmpty() && !host.equals("127.0.0.1") && !host.equals("localhost")) {
      throw new IllegalArgumentException("listen must be on loopback (127.0.0.1:<port>), not " + listen);
    }
    try {
      return Integer.parseInt(l.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("listen must be host:port, not " + listen);
    }
  }

  @Override
  public void close() {
    all().forEach(p -> delete(p.name()));
  }
}
