package io.artifact.flyemu.fly;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Machine leases (fly-facts.md §2.2, pitfall 7): a held lease makes other mutations fail with 409. */
public final class Leases {

  public record Lease(String nonce, Instant expiresAt, String owner, String description, String version) {}

  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  private final Scheduler scheduler;

  public Leases(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  public synchronized Lease acquire(Machine m, String owner, Duration ttl, String nonce, String description) {
    Optional<Lease> held = current(m.id());
    if (held.isPresent() && !held.get().nonce().equals(nonce)) {
      throw PlatformException.conflict("aborted: machine ID " + m.id() + " lease currently held by " + held.get().owner()
          + ", expires at " + held.get().expiresAt());
    }
    Lease l = new Lease(nonce != null ? nonce : Ids.hex(6), scheduler.now().plus(ttl), owner,
        description == null ? "" : description, m.instanceId());
    leases.put(m.id(), l);
    return l;
  }

  public Optional<Lease> current(String machineId) {
    Lease l = leases.get(machineId);
    if (l != null && !l.expiresAt().isAfter(scheduler.now())) {
      leases.remove(machineId, l);
      return Optional.empty();
    }
    return Optional.ofNullable(l);
  }

  /** Mutations of a leased Machine must carry its nonce. */
  public void check(Machine m, String nonce) {
    current(m.id()).ifPresent(l -> {
      if (!l.nonce().equals(nonce)) {
        throw PlatformException.conflict("aborted: machine ID " + m.id() + " lease currently held by " + l.owner()
            + ", expires at " + l.expiresAt());
      }
    });
  }

  public void release(Machine m, String nonce) {
    Lease l = current(m.id()).orElseThrow(() -> PlatformException.notFound("lease not found"));
    if (!l.nonce().equals(nonce)) throw PlatformException.conflict("aborted: lease nonce mismatch for machine " + m.id());
    leases.remove(m.id(), l);
  }
}
