package io.artifact.e2e.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.config.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a live run is told from a dead one: while it runs, a run keeps a lease file
 * ({@code <lease.dir>/<runid>.json}) whose {@code heartbeat_at} it rewrites every {@code lease.heartbeat}.
 * A run whose lease is fresher than {@code lease.ttl} is live and a sweep leaves its resources alone; a
 * run killed with {@code kill -9} stops beating, and once its lease is older than the ttl (or was never
 * seen here) what it left is an orphan. The lease is local to the machine that runs the suite, so runs
 * of other hosts are protected by {@code --older-than} (and CI's concurrency group), not by the lease.
 */
public final class RunLease implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, Object> body;
  private final Clock clock;
  private final ScheduledExecutorService beat;

  private RunLease(Path file, Map<String, Object> body, Clock clock, Duration heartbeat) {
    this.file = file;
    this.body = body;
    this.clock = clock;
    write();
    beat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "run-lease-heartbeat");
      t.setDaemon(true);
      return t;
    });
    beat.scheduleAtFixedRate(this::write, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Where leases live: {@code lease.dir}, default {@code artifacts/e2e/leases} under the working directory. */
  public static Path dir(Profile p) {
    return Path.of(p.optional("lease.dir").orElse("artifacts/e2e/leases"));
  }

  /** How often a run beats ({@code lease.heartbeat}, default 2s). */
  public static Duration heartbeat(Profile p) {
    return p.optionalDuration("lease.heartbeat").orElse(Duration.ofSeconds(2));
  }

  /** How old a heartbeat may be before its run counts as dead, for a lease that does not say ({@code lease.ttl}, default three beats). */
  public static Duration ttl(Profile p) {
    return p.optionalDuration("lease.ttl").orElse(heartbeat(p).multipliedBy(3));
  }

  /** Takes the lease of run {@code runId} and keeps it fresh until {@link #close()}. */
  public static RunLease acquire(Path dir, String runId, String profile, String orgPrefix, Duration heartbeat, Clock clock) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("run_id", runId);
    // the run says how long a silence means it is dead: three beats, whatever the sweeper's own profile says
    body.put("ttl_ms", heartbeat.multipliedBy(3).toMillis());
    body.put("profile", profile);
    body.put("org_prefix", orgPrefix);
    body.put("pid", ProcessHandle.current().pid());
    body.put("started_at", clock.instant().toString());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the lease directory " + dir, e);
    }
    return new RunLease(dir.resolve(runId + ".json"), body, clock, heartbeat);
  }

  private synchronized void write() {
    body.put("heartbeat_at", clock.instant().toString());
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(body));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // a missed beat only makes the run look dead sooner; the next beat tries again
    }
  }

  /** The run ended: no more beats, and the lease is given back. */
  @Override
  public void close() {
    beat.shutdownNow();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a lease left behind goes stale and is cleared by the next sweep
    }
  }

  /** A run's last heartbeat, and the silence after which the run itself said it is dead (if it said). */
  public record Beat(Instant at, Optional<Duration> ttl) {
    /** Live at {@code now}: beaten within the lease's own ttl, else within {@code fallback}. */
    public boolean live(Instant now, Duration fallback) {
      return !at.plus(ttl.orElse(fallback)).isBefore(now);
    }
  }

  /** The last heartbeat of each run with a lease in {@code dir}. */
  public static Map<String, Beat> heartbeats(Path dir) {
    Map<String, Beat> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> read(f).ifPresent(n ->
          out.put(n.path("run_id").asText(), new Beat(Instant.parse(n.path("heartbeat_at").asText()),
              n.hasNonNull("ttl_ms") ? Optional.of(Duration.ofMillis(n.path("ttl_ms").asLong())) : Optional.empty()))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the lease directory " + dir, e);
    }
    return out;
  }

  /** Removes the lease of a run found dead, so the next sweep does not look at it again. */
  public static void clear(Path dir, String runId) {
    try {
      Files.deleteIfExists(dir.resolve(runId + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the stale lease of run " + runId, e);
    }
  }

  private static Optional<JsonNode> read(Path f) {
    try {
      JsonNode n = JSON.readTree(f.toFile());
      Instant.parse(n.path("heartbeat_at").asText());
      return Optional.of(n);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // half-written or foreign: not a lease
    }
  }
}
