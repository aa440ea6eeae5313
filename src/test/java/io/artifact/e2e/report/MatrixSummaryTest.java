package io.artifact.e2e.report;

import static io.artifact.e2e.report.MatrixSummary.Verdict.FAILED;
import static io.artifact.e2e.report.MatrixSummary.Verdict.PASSED;
import static io.artifact.e2e.report.MatrixSummary.Verdict.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixSummaryTest {

  @Test
  void countsHappyAndUnhappyRowsPerMatrixIdAndNamesFailures() {
    MatrixSummary s = new MatrixSummary();
    s.add("Router ingress — signed-in user", List.of("@smoke", "@ROUTER-001", "@happy"), PASSED, null);
    s.add("Router ingress — secret removed", List.of("@smoke", "@ROUTER-001", "@unhappy", "@fault"), FAILED, "expected 401");
    s.add("Baseline health — fresh", List.of("@BASELINE", "@happy"), PASSED, null);
    assertThat(s.rows()).containsExactly(
        new MatrixSummary.Row("BASELINE", new MatrixSummary.Counts(1, 0, 0), new MatrixSummary.Counts(0, 0, 0), List.of(), List.of()),
        new MatrixSummary.Row("ROUTER-001", new MatrixSummary.Counts(1, 0, 0), new MatrixSummary.Counts(0, 1, 0),
            List.of("Router ingress — secret removed"), List.of()));
    assertThat(s.render()).contains("ROUTER-001   happy 1/1  unhappy 0/1  FAILED: Router ingress — secret removed");
  }

  @Test
  void aSkipIsNeitherAPassNorAFailureAndKeepsItsReason() {
    MatrixSummary s = new MatrixSummary();
    s.add("Exec — killed mid-boot", List.of("@EXEC-010", "@unhappy"), SKIPPED,
        "needs capability faults:boot-kill, which target 'staging' (fly) does not offer");
    s.add("Exec — vanished", List.of("@EXEC-010", "@unhappy"), PASSED, null);
    MatrixSummary.Row row = s.rows().get(0);
    assertThat(row.unhappy()).isEqualTo(new MatrixSummary.Counts(1, 0, 1));
    assertThat(row.failed()).isEmpty();
    assertThat(row.skipped()).containsExactly("Exec — killed mid-boot — needs capability faults:boot-kill, which target 'staging' (fly) does not offer");
    assertThat(s.render()).contains("unhappy 1/1, 1 skipped").contains("skipped: Exec — killed mid-boot — needs capability faults:boot-kill");
    @SuppressWarnings("unchecked")
    Map<String, Object> unhappy = (Map<String, Object>) ((Map<String, Object>) s.asJson().get("EXEC-010")).get("unhappy");
    assertThat(unhappy).containsEntry("skipped", 1).containsEntry("failed", 0).containsEntry("passed", 1);
  }

  @Test
  void ignoresTagsThatAreNotMatrixIds() {
    MatrixSummary s = new MatrixSummary();
    s.add("x", List.of("@smoke", "@control-plane"), PASSED, null);
    assertThat(s.rows()).isEmpty();
  }

  @Test
  void aFlakeIsNeitherPassedNorFailedAndOnlyFailedRowsFlagTheirGaps() {
    MatrixSummary s = new MatrixSummary();
    s.add("Router — expired session", List.of("@ROUTER-001", "@unhappy", "@G1"), MatrixSummary.Verdict.FLAKY, "passed on the rerun");
    s.add("Router — API caller", List.of("@ROUTER-001", "@unhappy", "@G20", "@G4"), FAILED, "expected 401");
    s.add("Router — signed in", List.of("@ROUTER-001", "@happy", "@G2"), PASSED, null);
    MatrixSummary.Row row = s.rows().get(0);
    assertThat(row.unhappy()).isEqualTo(new MatrixSummary.Counts(0, 1, 0, 1));
    assertThat(row.flaky()).containsExactly("Router — expired session");
    assertThat(row.gaps()).containsExactly("G4", "G20");
    assertThat(s.gapsFlagged()).containsExactly("G4", "G20");
    assertThat(s.render()).contains("unhappy 0/2, 1 flaky").contains("FLAKY (passed only on rerun): Router — expired session")
        .contains("Known gaps flagged by failed rows: G4, G20");
  }
}
