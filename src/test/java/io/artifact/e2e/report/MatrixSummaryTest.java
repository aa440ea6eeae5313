package io.artifact.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixSummaryTest {

  @Test
  void countsHappyAndUnhappyRowsPerMatrixIdAndNamesFailures() {
    MatrixSummary s = new MatrixSummary();
    s.add("Router ingress — signed-in user", List.of("@smoke", "@ROUTER-001", "@happy"), true);
    s.add("Router ingress — secret removed", List.of("@smoke", "@ROUTER-001", "@unhappy", "@fault"), false);
    s.add("Baseline health — fresh", List.of("@BASELINE", "@happy"), true);
    assertThat(s.rows()).containsExactly(
        new MatrixSummary.Row("BASELINE", 1, 1, 0, 0, List.of()),
        new MatrixSummary.Row("ROUTER-001", 1, 1, 0, 1, List.of("Router ingress — secret removed")));
    assertThat(s.render()).contains("ROUTER-001   happy 1/1  unhappy 0/1  FAILED: Router ingress — secret removed");
  }

  @Test
  void ignoresTagsThatAreNotMatrixIds() {
    MatrixSummary s = new MatrixSummary();
    s.add("x", List.of("@smoke", "@local-only", "@control-plane"), true);
    assertThat(s.rows()).isEmpty();
  }
}
