package io.artifact.e2e.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.EmbeddedOrg;
import io.artifact.e2e.world.OrgSlice;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staging's recycle: only what the run changed is restarted, its own leftovers go, other people's stay. */
class WorkerPoolTest {

  @Test
  void putsThePoolBackWithTargetedRestartsAndLeavesOthersAlone() {
    try (EmbeddedOrg org = new EmbeddedOrg()) {
      String pool = "org1-worker-pool";
      org.fly.createApp(pool, "personal");
      String dana = org.worker(pool, Map.of("dc_computer_id", "ops-dana")).id();
      var erin = org.worker(pool, Map.of("dc_computer_id", "ops-erin"));
      WorkerPool before = WorkerPool.snapshot(org.fly, pool);
      assertThat(before.states()).containsEntry(dana, "started").containsEntry(erin.id(), "started");

      // what a run does to a shared pool: stops someone's worker, leaves one of its own, someone else adds one
      org.fly.stopMachine(pool, dana);
      org.fly.awaitState(pool, dana, "stopped", Duration.ofSeconds(10));
      String mine = org.worker(pool, Map.of(OrgSlice.RUN_LABEL, "abc123")).id();
      String frank = org.worker(pool, Map.of("dc_computer_id", "ops-frank")).id();

      WorkerPool.Recycle r = before.recycle(org.fly, "abc123", Duration.ofSeconds(10));

      assertThat(r.restarted()).singleElement().asString().startsWith(dana + " (stopped → started)");
      assertThat(org.stateOf(pool, dana)).isEqualTo("started");
      assertThat(org.fly.machine(pool, erin.id()).instanceId()).as("a Machine the run did not change is not restarted").isEqualTo(erin.instanceId());
      assertThat(r.destroyed()).singleElement().asString().startsWith(mine);
      assertThat(org.stateOf(pool, mine)).isIn("destroyed", "destroying");
      assertThat(r.leftAlone()).singleElement().asString().startsWith(frank);
      assertThat(org.stateOf(pool, frank)).isEqualTo("started");
    }
  }
}
