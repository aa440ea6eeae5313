package io.artifact.e2e.world;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.manifest.ManifestFiles;
import io.artifact.e2e.strategy.EnvironmentStrategy;
import io.artifact.e2e.strategy.RunScope;
import io.artifact.e2e.sweep.RunLease;
import io.artifact.e2e.sweep.Sweeps;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.target.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static int users;
  /** Runtimes of stack-wide overrides ({@code stack.*}): each needs an embedded stack of its own. */
  private static final Map<Map<String, String>, SuiteRuntime> OWN_STACKS = new HashMap<>();

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
  /** Shared with the runtimes derived from this one: their scenario slices must not collide. */
  private final AtomicInteger scenarioSlices;

  private SuiteRuntime(Profile profile) {
    this.profile = profile;
    this.runId = OrgSlice.newRunId();
    this.scenarioSlices = new AtomicInteger();
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

  /** A runtime derived from {@code base} (profile overrides): its run, lease and run-level strategy duties stay the base's. */
  private SuiteRuntime(Profile profile, SuiteRuntime base, Target target) {
    this.profile = profile;
    this.runId = base.runId;
    this.archive = base.archive;
    this.target = target;
    this.scenarioSlices = base.scenarioSlices;
    this.lease = null;
    this.strategy = EnvironmentStrategy.of(profile);
    this.scope = null;
  }

  private synchronized FlyPort runFly() {
    if (fly == null) fly = TargetPorts.fly(target, profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    return fly;
  }

  /** The strategy's per-scenario part (hybrid's warm-fixture check). */
  public EnvironmentStrategy strategy() {
    return strategy;
  }

  /** A scenario's own slice id, {@code <runid>s<n>}: what it creates still carries the run id. */
  public String nextScenarioSliceId() {
    return OrgSlice.scenarioSliceId(runId, scenarioSlices.incrementAndGet());
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
    users = 0;
    try {
      if (ending != null) ending.strategy.afterRun(ending.scope);
    } finally {
      try {
        if (ending != null) ending.close();
      } finally {
        OWN_STACKS.values().forEach(r -> r.target.close());
        OWN_STACKS.clear();
      }
    }
  }

  /** A run begins: the runtime stays up until every run that acquired it has released it. */
  public static synchronized SuiteRuntime acquire() {
    users++;
    return get();
  }

  /** A run ended; the last one stops the runtime (and its target). */
  public static synchronized void release() {
    if (--users <= 0) stop();
  }

  /**
   * The runtime one scenario sees under profile overrides (the kill matrix's variants): the same
   * target and run id with the overridden profile — images are chosen per slice, so the shared
   * stack serves them — or, for stack-wide settings ({@code stack.*}), a stack of its own, started
   * once per distinct set of them.
   */
  public SuiteRuntime withOverrides(Map<String, String> overrides) {
    if (overrides.isEmpty()) return this;
    Map<String, String> stackWide = new TreeMap<>();
    overrides.forEach((k, v) -> {
      if (k.startsWith("stack.")) stackWide.put(k, v);
    });
    SuiteRuntime base = this;
    if (!stackWide.isEmpty()) {
      synchronized (SuiteRuntime.class) { // the lock stop() takes, so no stack is opened while the runtime stops
        base = OWN_STACKS.computeIfAbsent(stackWide, k -> new SuiteRuntime(profile.with(k), this, Targets.open(profile.with(k))));
      }
    }
    return new SuiteRuntime(profile.with(overrides), this, base.target);
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

  public void leaveSharedSlice() {
    onSharedSlice.decrementAndGet();
  }

  public Profile profile() { return profile; }
  public String runId() { return runId; }
  public Path archive() { return archive; }
  public Target target() { return target; }
}
