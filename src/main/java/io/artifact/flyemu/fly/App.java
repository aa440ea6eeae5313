package io.artifact.flyemu.fly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** An embedded Fly app: its Machines, secrets, volumes, certificates (hostnames) and logs. */
public final class App {

  /** A secret as Fly keeps it; the value never leaves the platform except into Machine env. */
  public record Secret(String name, String value, String digest, Instant createdAt, Instant updatedAt) {}

  private final String id;
  private final String name;
  private final String org;
  private final Instant createdAt;
  private final Map<String, Machine> machines = new ConcurrentHashMap<>();
  private final Map<String, Volume> volumes = new ConcurrentHashMap<>();
  private final Set<String> hostnames = new ConcurrentSkipListSet<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final LogBook logs;
  private int secretsVersion;

  App(String id, String name, String org, Instant createdAt, int logCapacity) {
    this.id = id;
    this.name = name;
    this.org = org;
    this.createdAt = createdAt;
    this.logs = new LogBook(logCapacity);
  }

  public String id() { return id; }
  public String name() { return name; }
  public String org() { return org; }
  public Instant createdAt() { return createdAt; }
  public LogBook logs() { return logs; }

  public Collection<Machine> machines() {
    List<Machine> list = new ArrayList<>(machines.values());
    list.sort((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0 ? a.createdAt().compareTo(b.createdAt()) : a.id().compareTo(b.id()));
    return list;
  }

  public Machine machine(String machineId) {
    Machine m = machines.get(machineId);
    if (m == null) throw PlatformException.notFound("not_found: machine not found");
    return m;
  }

  void add(Machine m) { machines.put(m.id(), m); }
  void remove(Machine m) { machines.remove(m.id(), m); }

  public Collection<Volume> volumes() { return List.copyOf(volumes.values()); }
  void add(Volume v) { volumes.put(v.id(), v); }

  public Volume volume(String volumeId) {
    Volume v = volumes.get(volumeId);
    if (v == null) throw PlatformException.notFound("volume not found");
    return v;
  }

  Volume removeVolume(String volumeId) {
    Volume v = volumes.remove(volumeId);
    if (v == null) throw PlatformException.notFound("volume not found");
    return v;
  }

  public Set<String> hostnames() { return Set.copyOf(hostnames); }
  void addHostname(String h) { hostnames.add(h); }
  boolean removeHostname(String h) { return hostnames.remove(h); }

  public synchronized List<Secret> secrets() { return List.copyOf(secrets.values()); }
  public synchronized int secretsVersion() { return secretsVersion; }

  public synchronized Map<String, String> secretValues() {
    Map<String, String> m = new LinkedHashMap<>();
    secrets.values().forEach(s -> m.put(s.name(), s.value()));
    return m;
  }

  /** Sets (non-null) and unsets (null) secrets in one version bump, as the bulk endpoint does. */
  synchronized int applySecrets(Map<String, String> values, Instant now) {
    values.forEach((k, v) -> {
      if (v == null) {
        secrets.remove(k);
      } else {
        Secret old = secrets.get(k);
        secrets.put(k, new Secret(k, v, Ids.digest(v), old == null ? now : old.createdAt(), now));
      }
    });
    return ++secretsVersion;
  }

  synchronized boolean hasSecret(String name) {
    return secrets.containsKey(name);
  }

  public String status() {
    return machines.values().stream().anyMatch(m -> m.state() == MachineState.STARTED) ? "deployed"
        : machines.isEmpty() ? "pending" : "suspended";
  }
}
