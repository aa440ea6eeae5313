package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.target.Targets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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
  private final AtomicInteger onSharedSlice = new AtomicInteger();

  private SuiteRuntime(Profile profile) {
    this.profile = profile;
    this.runId = OrgSlice.newRunId();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    this.archive = Path.of("target-reports", "e2e", stamp + "-" + runId);
    this.target = Targets.open(profile);
  }

  private SuiteRuntime(Profile profile, String runId, Path archive, Target target) {
    this.profile = profile;
    this.runId = runId;
    this.archive = archive;
    this.target = target;
  }

  /** The runtime, started on first use with the profile the user selected. */
  public static synchronized SuiteRuntime get() {
    if (current == null) current = new SuiteRuntime(ProfileLoader.fromProcess().load());
    return current;
  }

  public static synchronized void stop() {
    if (current != null) current.target.close();
    OWN_STACKS.values().forEach(r -> r.target.close());
    OWN_STACKS.clear();
    current = null;
    users = 0;
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
        base = OWN_STACKS.computeIfAbsent(stackWide, k -> new SuiteRuntime(profile.with(k), runId, archive, Targets.open(profile.with(k))));
      }
    }
    return new SuiteRuntime(profile.with(overrides), runId, archive, base.target);
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
