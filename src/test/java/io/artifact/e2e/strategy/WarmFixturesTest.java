package io.artifact.e2e.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.fly.MachineSpec;
import io.artifact.e2e.support.EmbeddedOrg;
import io.artifact.e2e.world.OrgSlice;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hybrid's check: a recreated fixture or a worker left behind is named; a restarted fixture is fine. */
class WarmFixturesTest {

  private static final Duration BOUND = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(20);

  @Test
  void namesARecreatedFixtureAndALeftoverWorkerButNotARestart() {
    try (EmbeddedOrg org = new EmbeddedOrg()) {
      OrgSlice slice = new OrgSlice("org1", "hyb123", "hyb.artifact.test", "syd", "personal");
      slice.apps().forEach(app -> org.fly.createApp(app, "personal"));
      String nfs = org.worker(slice.nfsApp(), Map.of()).id();
      String router = org.worker(slice.routerApp(), Map.of()).id();
      org.worker(slice.execApp(), Map.of());
      WarmFixtures warm = WarmFixtures.snapshot(org.fly, slice);
      assertThat(warm.machines()).hasSize(3);
      assertThat(warm.problems(org.fly, slice, "dc_computer_id", BOUND, POLL)).isEmpty();

      // a fault restarted NFS: it is back within the bound, so still warm
      org.fly.stopMachine(slice.nfsApp(), nfs);
      org.fly.awaitState(slice.nfsApp(), nfs, "stopped", BOUND);
      org.fly.startMachine(slice.nfsApp(), nfs);
      assertThat(warm.problems(org.fly, slice, "dc_computer_id", BOUND, POLL)).isEmpty();

      // the router recreated, and a worker of this scenario's computer left in the pool
      org.fly.destroyMachine(slice.routerApp(), router, true);
      org.fly.createMachine(slice.routerApp(), MachineSpec.of("registry.fly.io/host-coder:latest").region("syd"));
      String left = org.worker(slice.workerPoolApp(), Map.of("dc_computer_id", "ana-hyb123")).id();
      org.worker(slice.workerPoolApp(), Map.of("dc_computer_id", "ops-dana"));
      assertThat(warm.problems(org.fly, slice, "dc_computer_id", Duration.ofMillis(300), POLL)).containsExactly(
          "org1-fly-router/" + router + " is not started any more (warm when the scenario began: recreated, or left stopped)",
          "worker Machine " + left + " of this scenario (dc_computer_id=ana-hyb123) is still in the pool");
    }
  }
}
