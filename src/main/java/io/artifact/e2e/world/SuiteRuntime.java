package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.target.Targets;
import io.artifact.e2e.sweep.RunLease;
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
        Sweeps.of(profile, target, Duration.ZERO).sweep(false, line -> System.out.println(line));
      }
    } else {
      this.lease = null;
    }
  }

  /** The runtime, started on first use with the profile the user selected. */
  public static synchronized SuiteRuntime get() {
    if (current == null) current = new SuiteRuntime(ProfileLoader.fromProcess().load());
    return current;
  }

  public static synchronized void stop() {
    if (current != null) {
      if (current.lease != null) current.lease.close();
      current.target.close();
    }
    current = null;
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
