package io.artifact.flyemu.net;

import io.artifact.flyemu.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Faults on private-network traffic that Fly itself cannot inject (the runbook's sidecar
 * latency/packet-loss Machines): latency and dropped requests per destination host. Set and
 * cleared only through the emulator's fault surface.
 */
public final class NetworkFaults {

  private record Fault(Duration latency, boolean drop) {}

  private final Map<String, Fault> byHost = new ConcurrentHashMap<>();

  public void latency(String host, Duration latency) {
    byHost.put(host.toLowerCase(), new Fault(latency, false));
  }

  public void drop(String host) {
    byHost.put(host.toLowerCase(), new Fault(Duration.ZERO, true));
  }

  public void clear(String host) {
    byHost.remove(host.toLowerCase());
  }

  public void clearAll() {
    byHost.clear();
  }

  Optional<HttpResponse> apply(String host) {
    Fault f = byHost.get(host);
    if (f == null) return Optional.empty();
    // Latency is the injected fault itself (a slow link), on the request thread it slows.
    if (!f.latency().isZero()) LockSupport.parkNanos(f.latency().toNanos());
    if (f.drop()) return Optional.of(HttpResponse.text(504, "injected fault: request to " + host + " dropped"));
    return Optional.empty();
  }
}
