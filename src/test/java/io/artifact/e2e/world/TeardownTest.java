package io.artifact.e2e.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.fly.FlyPort;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Teardown destroys only what carries this run's label; a long-lived app with a slice name survives. */
class TeardownTest {

  final List<String> destroyed = new ArrayList<>();
  final FlyPort fly = (FlyPort) Proxy.newProxyInstance(FlyPort.class.getClassLoader(), new Class<?>[] {FlyPort.class}, (p, m, a) -> {
    if (m.getName().equals("destroyApp")) destroyed.add((String) a[0]);
    return null;
  });

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
  void anotherRunsSliceIsNotThisRuns() {
    OrgSlice mine = new OrgSlice("org1-e2e-abc123", "abc123", "d", "syd", "personal");
    assertThat(mine.createdByThisRun("org1-e2e-abc123-fly-router")).isTrue();
    assertThat(mine.createdByThisRun("org1-e2e-zzz999-fly-router")).isFalse();
    assertThat(mine.createdByThisRun("org1-fly-router")).isFalse();
  }
}
