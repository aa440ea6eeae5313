package io.artifact.e2e.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupLedgerTest {

  @Test
  void undoesInReverseOrderOfCreation() {
    List<String> order = new ArrayList<>();
    CleanupLedger ledger = new CleanupLedger();
    ledger.register("app", () -> order.add("app"));
    ledger.register("volume", () -> order.add("volume"));
    ledger.register("machine", () -> order.add("machine"));
    ledger.unwind();
    assertThat(order).containsExactly("machine", "volume", "app");
  }

  @Test
  void aFailedUndoIsReportedAndTheRestStillRuns() {
    List<String> order = new ArrayList<>();
    CleanupLedger ledger = new CleanupLedger();
    ledger.register("app", () -> order.add("app"));
    ledger.register("machine", () -> {
      throw new IllegalStateException("412 failed_precondition");
    });
    List<CleanupLedger.Outcome> outcomes = ledger.unwind();
    assertThat(order).containsExactly("app");
    assertThat(outcomes).extracting(CleanupLedger.Outcome::ok).containsExactly(false, true);
    assertThat(outcomes.get(0).error()).contains("412 failed_precondition");
    assertThat(ledger.size()).isZero();
  }
}
