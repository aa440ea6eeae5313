package io.artifact.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.world.CleanupLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FaultRecordTest {

  final CleanupLedger ledger = new CleanupLedger();
  final List<String> mutations = new ArrayList<>();
  final AtomicReference<Object> published = new AtomicReference<>();
  final List<String> order = new ArrayList<>();

  FaultRecord record(SteadyState steady) {
    return new FaultRecord(ledger, mutations::add, published::set, () -> steady, Clock.systemUTC());
  }

  @Test
  void aFaultWhoseApplyFailsStillHasItsUndoRun() {
    FaultRecord record = record(SteadyState.NONE);
    assertThatThrownBy(() -> record.inject("secret flipped", "org1-fly-router", "set it back", () -> order.add("undo"), () -> {
      order.add("half applied");
      throw new IllegalStateException("503 from the Machines API");
    })).hasMessage("503 from the Machines API");

    List<CleanupLedger.Outcome> outcomes = ledger.unwind();

    assertThat(order).containsExactly("half applied", "undo");
    assertThat(outcomes).allMatch(CleanupLedger.Outcome::ok);
    Map<String, Object> fault = faults().get(0);
    assertThat(fault).containsEntry("apply_error", "IllegalStateException: 503 from the Machines API")
        .containsEntry("revert_outcome", "reverted").containsKey("applied_at");
    assertThat(fault.get("reverted_at")).isNotNull();
    assertThat(mutations).containsExactly("secret flipped [org1-fly-router]");
  }

  @Test
  void aRevertFailureIsReportedWithWhatIsLeftChanged() {
    FaultRecord record = record(SteadyState.NONE);
    record.inject("exec/brave-otter.json truncated", "carol", "write back the prior content", () -> {
      throw new java.io.IOException("Stale file handle");
    }, () -> order.add("truncated"));

    List<CleanupLedger.Outcome> outcomes = ledger.unwind();

    CleanupLedger.Outcome revert = outcomes.get(0);
    assertThat(revert.ok()).isFalse();
    assertThat(revert.error()).contains("left changed on carol: exec/brave-otter.json truncated")
        .contains("write back the prior content").contains("Stale file handle");
    assertThat(faults().get(0).get("revert_outcome").toString())
        .startsWith("failed: IOException: Stale file handle").endsWith("left changed: exec/brave-otter.json truncated");
  }

  @Test
  void faultsAreRevertedNewestFirstAndARevertDoneMidScenarioIsNotRepeated() {
    FaultRecord record = record(SteadyState.NONE);
    FaultRecord.Fault first = record.inject("first", "a", "undo first", () -> order.add("undo first"), () -> {});
    record.inject("second", "a", "undo second", () -> order.add("undo second"), () -> {});
    record.inject("third", "a", "undo third", () -> order.add("undo third"), () -> {});
    record.revert(first);

    ledger.unwind();

    assertThat(order).containsExactly("undo first", "undo third", "undo second");
    assertThat(faults()).extracting(f -> f.get("revert_outcome")).containsOnly("reverted");
  }

  @Test
  void anUnhealthyStackGetsNoFaultAndOneLeftUnhealthyFailsTeardown() {
    SteadyState sick = steady(List.of("nfs: Machine 1 is stopped, not started"), List.of());
    assertThatThrownBy(() -> record(sick).inject("x", "a", "undo", () -> order.add("undo"), () -> order.add("applied")))
        .hasMessageContaining("not in its steady state before any fault").hasMessageContaining("Machine 1 is stopped");
    assertThat(order).isEmpty();

    ledger.unwind();
    SteadyState leftSick = steady(List.of(), List.of("router Machine 2 is stopped, not started"));
    record(leftSick).inject("router stopped", "org1-fly-router", "start it", () -> order.add("undo"), () -> order.add("applied"));

    List<CleanupLedger.Outcome> outcomes = ledger.unwind();

    assertThat(order).containsExactly("applied", "undo");
    assertThat(outcomes.get(1).ok()).isFalse();
    assertThat(outcomes.get(1).error()).contains("did not return to its steady state").contains("router Machine 2 is stopped");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> verdicts = (List<Map<String, Object>>) ((Map<String, Object>) published.get()).get("steady_state");
    assertThat(verdicts).extracting(v -> v.get("phase") + " " + v.get("healthy")).containsExactly("before true", "after false");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> faults() {
    return (List<Map<String, Object>>) ((Map<String, Object>) published.get()).get("faults");
  }

  static SteadyState steady(List<String> before, List<String> after) {
    return new SteadyState() {
      @Override public Verdict before() { return new Verdict("before", Instant.now(), true, before); }
      @Override public Verdict after() { return new Verdict("after", Instant.now(), true, after); }
    };
  }
}
