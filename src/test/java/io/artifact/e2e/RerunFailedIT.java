package io.artifact.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.report.MatrixSummary.Verdict;
import io.artifact.e2e.report.RunRecord;
import io.artifact.e2e.report.ScenarioResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code mvn verify -Drerun-failed} (the pom's rerun-failed profile runs only this), after a red
 * {@code mvn verify}: the scenarios {@code target-reports/rerun.txt} names run once more. One that
 * passes now is reported flaky; this passes when none failed twice, and names those that did.
 */
@EnabledIfSystemProperty(named = "rerun-failed", matches = ".*", disabledReason = "only with -Drerun-failed, after a red run")
class RerunFailedIT {

  @Test
  void failedScenariosPassOnTheirRerunOrFailNamed() {
    SuiteLaunch launch = new SuiteLaunch(selectDirectory("features"), "io.artifact.e2e.steps", Path.of("target-reports"));
    Assumptions.assumeFalse(launch.failedLastTime().isEmpty(), "target-reports/rerun.txt names no failed scenario: nothing to rerun");
    launch.rerunFailed();
    RunRecord record = RunRecord.read(launch.reports());
    assertThat(record.scenarios()).as(record.summaryLine() + "; failed on both attempts")
        .filteredOn(s -> s.verdict() == Verdict.FAILED).extracting(ScenarioResult::location).isEmpty();
  }
}
