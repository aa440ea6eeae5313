package io.artifact.flyemu.fly;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load the proxy sees on each Machine (fly-facts.md §8.2): requests in flight and when the last
 * one ended. The edge and the private network record every request they hand a Machine; autostop
 * reads it. Fly's proxy sees only proxied traffic; here direct 6PN requests count too, which can
 * only keep a Machine awake longer (exec's pings and load are never cut short by a suspend).
 */
public final class ProxyLoad {

  private record Usage(int inFlight, Instant lastEnded) {}

  private final Scheduler clock;
  private final Map<String, Usage> usage = new ConcurrentHashMap<>();

  ProxyLoad(Scheduler clock) {
    this.clock = clock;
  }

  /** Runs one request to the Machine, counted as in flight until it answers. */
  public <T> T serve(Machine m, Callable<T> request) throws Exception {
    usage.merge(m.id(), new Usage(1, clock.now()), (u, first) -> new Usage(u.inFlight() + 1, u.lastEnded()));
    try {
      return request.call();
    } finally {
      usage.computeIfPresent(m.id(), (id, u) -> new Usage(u.inFlight() - 1, clock.now()));
    }
  }

  /**
   * Runs {@code action} (a suspend or stop) if the Machine has had no request in flight, none ending
   * and no (re)start after {@code cutoff}; atomically with {@link #serve}, so a request that arrives
   * meanwhile either keeps the Machine awake or finds it already going to sleep.
   */
  public boolean ifIdleSince(Machine m, Instant cutoff, Runnable action) {
    boolean[] ran = {false};
    usage.compute(m.id(), (id, u) -> {
      boolean busy = u != null && (u.inFlight() > 0 || u.lastEnded().isAfter(cutoff));
      if (!busy && !m.updatedAt().isAfter(cutoff)) {
        action.run();
        ran[0] = true;
      }
      return u;
    });
    return ran[0];
  }

  void forget(Machine m) {
    usage.remove(m.id());
  }
}
