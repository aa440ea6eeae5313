package io.artifact.e2e.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Teardown destroys only what carries this run's label; a long-lived app with a slice name survives. */
class TeardownTest {

  final List<String> destroyed = new ArrayList<>();
  final Map<String, MachineInfo> machines = new HashMap<>();
  final FlyPort fly = (FlyPort) Proxy.newProxyInstance(FlyPort.class.getClassLoader(), new Class<?>[] {FlyPort.class}, (p, m, a) -> {
    switch (m.getName()) {
      case "destroyApp", "destroyMachine" -> destroyed.add((String) a[a.length == 1 ? 0 : 1]);
      case "findApp" -> {
        return java.util.Optional.empty();
      }
      case "machine" -> {
        MachineInfo found = machines.get((String) a[1]);
        if (found == null) throw new FlyApiException("get", (String) a[0], (String) a[1], 404, "machine not found");
        return found;
      }
      default -> { }
    }
    return null;
  });

  static MachineInfo machine(String id, String state, Map<String, String> metadata) {
    return new MachineInfo(id, "n", state, "syd", "registry.fly.io/fly-exec:doc", "i", Map.of(), metadata, List.of(), null);
  }

  @Test
  void anAppOfThisRunsEphemeralSliceIsDestroyed() {
    OrgSlice slice = new OrgSlice("org1-e2e-abc123", "abc123", "abc123.artifact.test", "syd", "personal");
    CleanupLedger ledger = new CleanupLedger();
    Teardown.destroyAppLater(ledger, slice, () -> fly, slice.nfsApp());
    List<CleanupLedger.Outcome> out = ledger.unwind();
    assertThat(destroyed).containsExactly("org1-e2e-abc123-nfs");
    assertThat(out).singleElement().satisfies(o -> assertThat(o.leftAlone()).isNull());
  }

  @Test
  void aLongLivedAppWithASliceNameSurvivesAndIsReported() {
    OrgSlice staging = new OrgSlice("org1", "abc123", "staging.example", "syd", "org1");
    CleanupLedger ledger = new CleanupLedger();
    Teardown.destroyAppLater(ledger, staging, () -> fly, staging.nfsApp());
    List<CleanupLedger.Outcome> out = ledger.unwind();
    assertThat(destroyed).isEmpty();
    assertThat(out).singleElement().satisfies(o -> {
      assertThat(o.ok()).isTrue();
      assertThat(o.leftAlone()).isEqualTo("app org1-nfs does not carry this run's label (-e2e-abc123); left alone");
    });
  }

  @Test
  void anAppIsKnownToGoOnlyWhileItsDestroyIsPendingAndItIsThisRuns() {
    OrgSlice mine = new OrgSlice("org1-e2e-abc123", "abc123", "d", "syd", "personal");
    OrgSlice staging = new OrgSlice("org1", "abc123", "d", "syd", "org1");
    CleanupLedger ledger = new CleanupLedger();
    assertThat(Teardown.willDestroyApp(ledger, mine, mine.workerPoolApp())).isFalse();
    Teardown.destroyAppLater(ledger, mine, () -> fly, mine.workerPoolApp());
    Teardown.destroyAppLater(ledger, staging, () -> fly, staging.workerPoolApp());
    assertThat(Teardown.willDestroyApp(ledger, mine, mine.workerPoolApp())).isTrue();
    assertThat(Teardown.willDestroyApp(ledger, staging, staging.workerPoolApp())).as("left alone at teardown").isFalse();
    ledger.unwind();
    assertThat(Teardown.willDestroyApp(ledger, mine, mine.workerPoolApp())).isFalse();
  }

  @Test
  void anotherRunsSliceIsNotThisRuns() {
    OrgSlice mine = new OrgSlice("org1-e2e-abc123", "abc123", "d", "syd", "personal");
    assertThat(mine.createdByThisRun("org1-e2e-abc123-fly-router")).isTrue();
    assertThat(mine.createdByThisRun("org1-e2e-zzz999-fly-router")).isFalse();
    assertThat(mine.createdByThisRun("org1-fly-router")).isFalse();
  }

  @Test
  void aMachineThisRunCreatedInASharedPoolIsDestroyedIfStillThere() {
    OrgSlice staging = new OrgSlice("org1", "abc123", "staging.example", "syd", "org1");
    machines.put("m1", machine("m1", "started", staging.labels()));
    machines.put("m2", machine("m2", "destroyed", staging.labels()));
    CleanupLedger ledger = new CleanupLedger();
    for (String id : List.of("m1", "m2", "m3")) Teardown.destroyMachineLater(ledger, staging, () -> fly, "org1-worker-pool", id, Duration.ofSeconds(1));
    List<CleanupLedger.Outcome> out = ledger.unwind();
    assertThat(destroyed).as("m2 was destroyed already, m3 is gone").containsExactly("m1");
    assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.error()).isTrue());
  }

  @Test
  void aMachineWithoutThisRunsLabelIsLeftAloneAndReported() {
    OrgSlice staging = new OrgSlice("org1", "abc123", "staging.example", "syd", "org1");
    machines.put("m1", machine("m1", "started", Map.of(OrgSlice.RUN_LABEL, "zzz999")));
    CleanupLedger ledger = new CleanupLedger();
    Teardown.destroyMachineLater(ledger, staging, () -> fly, "org1-worker-pool", "m1", Duration.ofSeconds(1));
    assertThat(ledger.unwind()).singleElement().satisfies(o -> assertThat(o.leftAlone()).contains("does not carry e2e_run=abc123"));
    assertThat(destroyed).isEmpty();
  }
}
