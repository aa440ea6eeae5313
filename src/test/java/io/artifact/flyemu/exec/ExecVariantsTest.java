package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.fly.ImageRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which strategies each {@code fly-exec} tag resolves to: the DOC ones unless the tag is a defect of
 * that point, and {@code impl} the real exec's gaps (stack-contract.md §8 G12, G14, G20).
 * Every variant tag must have a row, so a new one is decided here too.
 */
class ExecVariantsTest {

  static final String DOC = "doc";

  /** tag → {failed boots, stopped instances, stopped machines, NFS outages}; {@code doc} marks the DOC strategy. */
  static final Map<String, Object[]> EXPECTED = Map.of(
      "latest", new Object[] {DOC, DOC, DOC, DOC},
      "defect-no-retry", new Object[] {FailedBoots.GIVE_UP, DOC, DOC, DOC},
      "defect-ignore-stopped", new Object[] {DOC, StoppedInstances.IGNORE, DOC, DOC},
      "defect-no-rehydrate", new Object[] {DOC, DOC, StoppedMachines.LEAVE, DOC},
      "defect-no-alert", new Object[] {DOC, DOC, DOC, DOC},
      "defect-no-backoff", new Object[] {DOC, DOC, DOC, NfsOutages.FAIL},
      "defect-accepts-malformed-release", new Object[] {DOC, DOC, DOC, DOC},
      "defect-stale-release", new Object[] {DOC, DOC, DOC, DOC},
      "impl", new Object[] {FailedBoots.GIVE_UP, DOC, StoppedMachines.LEAVE, NfsOutages.FAIL});

  @Test
  void everyVariantTagHasARow() {
    Set<String> rows = new HashSet<>(EXPECTED.keySet());
    rows.remove("latest");
    assertThat(rows).isEqualTo(ExecVariants.tags());
  }

  @Test
  void eachTagResolvesToItsStrategies() {
    EXPECTED.forEach((tag, expected) -> {
      Reconciler.Strategies doc = Reconciler.Strategies.doc(3);
      ExecVariant variant = ExecVariants.VARIANTS.of(ImageRef.parse("registry.fly.io/fly-exec:" + tag));
      Reconciler.Strategies s = variant.strategies(doc);
      assertThat(s.failedBoots()).as(tag + ": failed boots").isSameAs(expected[0] == DOC ? doc.failedBoots() : expected[0]);
      assertThat(s.stoppedInstances()).as(tag + ": stopped instances").isSameAs(expected[1] == DOC ? StoppedInstances.STOP_AND_REMOVE : expected[1]);
      assertThat(s.stoppedMachines()).as(tag + ": stopped machines").isSameAs(expected[2] == DOC ? StoppedMachines.REHYDRATE : expected[2]);
      assertThat(variant.nfsOutages(NfsOutages.BACK_OFF)).as(tag + ": NFS outages").isSameAs(expected[3] == DOC ? NfsOutages.BACK_OFF : expected[3]);
    });
  }

  @Test
  void theDocStrategiesRetryStopAndRehydrate() {
    Reconciler.Strategies doc = Reconciler.Strategies.doc(3);
    assertThat(doc.failedBoots()).isInstanceOf(BootRetries.class);
    assertThat(doc.stoppedInstances()).isSameAs(StoppedInstances.STOP_AND_REMOVE);
    assertThat(doc.stoppedMachines()).isSameAs(StoppedMachines.REHYDRATE);
  }
}
