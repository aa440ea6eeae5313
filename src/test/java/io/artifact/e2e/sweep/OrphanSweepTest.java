package io.artifact.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.EmbeddedOrg;
import io.artifact.e2e.world.OrgSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep against a real (embedded) org: a dead run's apps and labelled Machines go, a live run's
 * and anything without the suite's marks stay; a dry run changes nothing; a second sweep finds nothing.
 */
class OrphanSweepTest {

  static EmbeddedOrg org;

  @BeforeAll
  static void start() {
    org = new EmbeddedOrg();
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @TempDir
  Path leases;

  private OrphanSweep sweep(Duration olderThan, Clock clock) {
    return new OrphanSweep(org.fly, "personal", "org1", leases, Duration.ofSeconds(3), olderThan, Optional.empty(), clock);
  }

  @Test
  void removesWhatADeadRunLeftAndNothingElseOnceOnly() throws Exception {
    // a dead run (its lease stopped beating long ago) left a scenario slice's apps and a worker in the shared pool
    org.fly.createApp("org1-e2e-deadr1s1-nfs", "personal");
    org.fly.createApp("org1-e2e-deadr1s1-worker-pool", "personal");
    org.worker("org1-e2e-deadr1s1-worker-pool", Map.of("dc_computer_id", "ana-deadr1s1"));
    org.fly.createApp("org1-worker-pool", "personal");
    String deadWorker = org.worker("org1-worker-pool", Map.of(OrgSlice.RUN_LABEL, "deadr1", OrgSlice.SLICE_LABEL, "org1")).id();
    // a live run, and what belongs to nobody's run
    try (RunLease live = RunLease.acquire(leases, "liver1", "staging", "org1", Duration.ofMillis(200), Clock.systemUTC())) {
      org.fly.createApp("org1-e2e-liver1-nfs", "personal");
      String liveWorker = org.worker("org1-worker-pool", Map.of(OrgSlice.RUN_LABEL, "liver1")).id();
      String opsWorker = org.worker("org1-worker-pool", Map.of("dc_computer_id", "ops-dana")).id();
      org.fly.createApp("org2-e2e-deadr1-nfs", "personal"); // another org prefix: not this sweep's
      Files.writeString(leases.resolve("deadr1.json"), "{\"run_id\":\"deadr1\",\"heartbeat_at\":\"2026-01-01T00:00:00Z\"}");

      List<String> dry = new ArrayList<>();
      assertThat(sweep(Duration.ZERO, Clock.systemUTC()).sweep(true, dry::add).removed()).hasSize(3);
      assertThat(dry).last().asString().startsWith("sweep: would remove 3 orphan(s) of 1 dead run(s)").contains("dry run");
      assertThat(org.fly.findApp("org1-e2e-deadr1s1-nfs")).as("a dry run changes nothing").isPresent();

      List<String> lines = new ArrayList<>();
      OrphanSweep.Result r = sweep(Duration.ZERO, Clock.systemUTC()).sweep(false, lines::add);
      assertThat(r.removed()).containsExactlyInAnyOrder("app org1-e2e-deadr1s1-nfs with 0 Machine(s) (run deadr1)",
          "app org1-e2e-deadr1s1-worker-pool with 1 Machine(s) (run deadr1)", "Machine " + deadWorker + " of org1-worker-pool (e2e_run=deadr1)");
      assertThat(lines).contains("sweep: removed 3 orphan(s) of 1 dead run(s); kept 2");
      assertThat(org.fly.findApp("org1-e2e-deadr1s1-nfs")).isEmpty();
      assertThat(org.fly.findApp("org1-e2e-deadr1s1-worker-pool")).isEmpty();
      assertThat(org.stateOf("org1-worker-pool", deadWorker)).isIn("destroyed", "destroying");
      assertThat(org.fly.findApp("org1-e2e-liver1-nfs")).as("a live run's app").isPresent();
      assertThat(org.stateOf("org1-worker-pool", liveWorker)).isEqualTo("started");
      assertThat(org.stateOf("org1-worker-pool", opsWorker)).isEqualTo("started");
      assertThat(org.fly.findApp("org2-e2e-deadr1-nfs")).isPresent();
      assertThat(leases.resolve("deadr1.json")).as("the dead run's stale lease is cleared").doesNotExist();

      List<String> again = new ArrayList<>();
      assertThat(sweep(Duration.ZERO, Clock.systemUTC()).sweep(false, again::add).removed()).as("idempotent").isEmpty();
      assertThat(again).last().asString().startsWith("sweep: removed 0 orphan(s)");
    }
    // once the live run has ended without a goodbye (no lease), what it left is an orphan too
    assertThat(sweep(Duration.ZERO, Clock.systemUTC()).sweep(false, l -> {}).removed())
        .anyMatch(s -> s.startsWith("app org1-e2e-liver1-nfs")).anyMatch(s -> s.contains("e2e_run=liver1"));
  }

  @Test
  void olderThanSparesWhatIsYoungerEvenOfADeadRun() {
    org.fly.createApp("org1-e2e-youngrs1-worker-pool", "personal");
    org.worker("org1-e2e-youngrs1-worker-pool", Map.of());
    assertThat(sweep(Duration.ofHours(1), Clock.systemUTC()).sweep(false, l -> {}).removed()).noneMatch(s -> s.contains("youngr"));
    Clock inTwoHours = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
    assertThat(sweep(Duration.ofHours(1), inTwoHours).sweep(false, l -> {}).removed()).anyMatch(s -> s.contains("org1-e2e-youngrs1-worker-pool"));
  }
}
