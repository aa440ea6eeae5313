package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.target.Targets;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.manifest.ManifestFiles;
import io.artifact.e2e.strategy.EnvironmentStrategy;
import io.artifact.e2e.strategy.RunScope;
import io.artifact.e2e.sweep.RunLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import io.artifact.e2e.sweep.Sweeps;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What lives once per JVM: the profile, the run id, the archive folder and the target (opening it
 * may start the emulator, which costs seconds, so every scenario shares it).
 */
public final class SuiteRuntime {

  private static SuiteRuntime current;

  private final Profile profile;
  private final String runId;
  private final Path archive;
  private final Target target;
  private final RunLease lease;
  private final EnvironmentStrategy strategy;
  private final RunScope scope;
  private final List<String> notes = new CopyOnWriteArrayList<>();
  private FlyPort fly;
  private final AtomicInteger onSharedSlice = new AtomicInteger();
  private final AtomicInteger scenarioSlices = new AtomicInteger();

  private SuiteRuntime(Profile profile) {
    this.profile = profile;
    this.runId = OrgSlice.newRunId();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    this.archive = Path.of("target-reports", "e2e", stamp + "-" + runId);
    this.target = Targets.open(profile);
    // a stack that outlives this JVM can be left with orphans: keep a lease (a live run's resources are
    // not swept) and, where the profile asks (sweep.at-start=true), sweep what dead runs left first
    if (!profile.embedded()) {
      this.lease = RunLease.acquire(RunLease.dir(profile), runId, profile.name(), profile.string("org.prefix"),
          RunLease.heartbeat(profile), Clock.systemUTC());
      if (profile.optional("sweep.at-start").orElse("false").equals("true")) {
        Duration age = profile.optionalDuration("sweep.older-than").orElse(Duration.ZERO);
        Sweeps.of(profile, target, age).sweep(false, notes::add);
      }
    } else {
      this.lease = null;
    }
    this.strategy = EnvironmentStrategy.of(profile);
    this.scope = new RunScope(profile, target, runId, this::runFly, notes::add);
    try {
      strategy.beforeRun(scope);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private synchronized FlyPort runFly() {
    if (fly == null) fly = TargetPorts.fly(target, profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    return fly;
  }

  /** The strategy's per-scenario part (hybrid's warm-fixture check). */
  public EnvironmentStrategy strategy() {
    return strategy;
  }

  /**
   * The run's record, {@code <manifest.dir>/run-<runid>.json}: the strategy, what the sweep at start removed,
   * the worker pool snapshot and recycle, the secrets to rotate.
   */
  private void writeRecord() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("run_id", runId);
    record.put("profile", profile.name());
    record.put("strategy", strategy.name());
    record.put("org_prefix", profile.string("org.prefix"));
    record.put("notes", List.copyOf(notes));
    try {
      Path file = ManifestFiles.dir(profile).resolve("run-" + runId + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(record));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run record", e);
    }
  }

  private void close() {
    try {
      writeRecord();
    } finally {
      if (lease != null) lease.close();
      target.close();
    }
  }

  /** The runtime, started on first use with the profile the user selected. */
  public static synchronized SuiteRuntime get() {
    if (current == null) current = new SuiteRuntime(ProfileLoader.fromProcess().load());
    return current;
  }

  public static synchronized void stop() {
    SuiteRuntime ending = current;
    current = null;
    if (ending == null) return;
    try {
      ending.strategy.afterRun(ending.scope);
    } finally {
      ending.close();
    }
  }

  /**
   * Scenarios on a slice the run shares (slice.scope=run) see each other's Machines, faults and
   * secrets, so they must run one at a time: a second one at once fails with how to fix it.
   */
  public void enterSharedSlice() {
    if (onSharedSlice.incrementAndGet() > 1) {
      throw new IllegalStateException(profile.source() + " shares one slice across the run (slice.scope=run), so scenarios must run"
          + " one at a time: -Dcucumber.execution.parallel.enabled=false (java -jar artifact-e2e.jar run does this for such profiles)");
    }
  }

  /** A scenario's own slice id, {@code <runid>s<n>}: what it creates still carries the run id. */
  public String nextScenarioSliceId() {
    return OrgSlice.scenarioSliceId(runId, scenarioSlices.incrementAndGet());
  }

  public void leaveSharedSlice() {
    onSharedSlice.decrementAndGet();
  }

  public Profile profile() { return profile; }
  public String runId() { return runId; }
  public Path archive() { return archive; }
  public Target target() { return target; }
}
