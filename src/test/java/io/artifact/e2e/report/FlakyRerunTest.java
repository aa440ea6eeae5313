package io.artifact.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.report.MatrixSummary.Verdict;
import io.artifact.e2e.support.flaky.FlakySteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A scenario made flaky on purpose (src/test/resources/flaky: fails on its first attempt only) is
 * rerun once and reported flaky — never passed — in the run record, matrix.json, the JUnit XML,
 * the front page and the history; a scenario that fails twice stays failed and flags its gap.
 */
// runs the CLI or the suite in-process: they share the JVM's system properties (env, tag filter, dry run)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class FlakyRerunTest {

  static SuiteLaunch launch(Path reports) {
    return new SuiteLaunch(selectDirectory("src/test/resources/flaky"), "io.artifact.e2e.support.flaky", reports)
        .with("cucumber.execution.parallel.enabled", "false");
  }

  @Test
  void aScenarioThatPassesOnlyOnRerunIsFlakyEverywhere(@TempDir Path reports) throws Exception {
    FlakySteps.reset();
    SuiteLaunch launch = launch(reports);
    SuiteLaunch.Outcome first = launch.run();
    assertThat(first.failed()).as("first attempt failures").isEqualTo(2);
    assertThat(launch.failedLastTime()).as("rerun.txt").hasSize(1).first().asString().contains("flaky.feature:");
    assertThat(RunRecord.read(reports).count(Verdict.FLAKY)).as("no flake before the rerun").isZero();

    SuiteLaunch.Outcome rerun = launch.rerunFailed();
    assertThat(rerun.found()).as("only the two failed scenarios rerun").isEqualTo(2);
    assertThat(rerun.failed()).isEqualTo(1);

    Map<String, ScenarioResult> byName = RunRecord.read(reports).scenarios().stream()
        .collect(Collectors.toMap(ScenarioResult::name, Function.identity()));
    assertThat(byName.get("a steady row passes").verdict()).isEqualTo(Verdict.PASSED);
    assertThat(byName.get("a steady row passes").attempts()).isEqualTo(1);
    ScenarioResult flaky = byName.get("a flaky row passes only on its rerun");
    assertThat(flaky.verdict()).isEqualTo(Verdict.FLAKY);
    assertThat(flaky.attempts()).isEqualTo(2);
    assertThat(flaky.firstFailure()).contains("the made-up race lost");
    assertThat(byName.get("a broken row fails every time").verdict()).isEqualTo(Verdict.FAILED);

    JsonNode matrix = new ObjectMapper().readTree(reports.resolve("matrix.json").toFile()).path("DEMO-900");
    assertThat(matrix.path("unhappy").path("flaky").asInt()).isEqualTo(1);
    assertThat(matrix.path("unhappy").path("passed").asInt()).as("a flake is not a pass").isZero();
    assertThat(matrix.path("unhappy").path("failed").asInt()).isEqualTo(1);
    assertThat(matrix.path("flaky").get(0).asText()).isEqualTo("a flaky row passes only on its rerun");
    assertThat(matrix.path("gaps_flagged").toString()).isEqualTo("[\"G99\"]");

    Document junit = Jsoup.parse(Files.readString(reports.resolve("cucumber-junit.xml")), "", org.jsoup.parser.Parser.xmlParser());
    Element flakyCase = junit.selectFirst("testcase[name$=a flaky row passes only on its rerun]");
    assertThat(flakyCase.select("flakyFailure")).hasSize(1);
    assertThat(flakyCase.select("failure")).isEmpty();
    assertThat(junit.selectFirst("testsuite").attr("failures")).isEqualTo("1");

    Document page = Jsoup.parse(reports.resolve("index.html").toFile());
    Element unhappy = page.selectFirst("#matrix tr[data-matrix-id=DEMO-900] td.unhappy");
    assertThat(unhappy.classNames()).contains("failed");
    assertThat(unhappy.text()).contains("1 flaky").contains("1 failed").doesNotContain("passed");
    assertThat(page.select("#DEMO-900 tr.scenario[data-verdict=flaky] a.cucumber").text()).isEqualTo("a flaky row passes only on its rerun");
    assertThat(page.select("#DEMO-900 tr.scenario[data-verdict=flaky] td.why").text()).contains("passed on the rerun");
    assertThat(page.selectFirst("#gaps-flagged").text()).contains("G99");
    assertThat(page.select("#DEMO-900 a.cucumber").eachAttr("href")).contains("cucumber.html?query=a%20flaky%20row%20passes%20only%20on%20its%20rerun");
    assertThat(page.select("#DEMO-900 td.where").eachText()).allSatisfy(w -> assertThat(w).startsWith("src/test/resources/flaky/flaky.feature:"));
    assertThat(page.select("#matrix tr[data-matrix-id=DEMO-900] td.feature").text()).isEqualTo("Reruns tell a flaky row from a failed one");

    // a second run: the history keeps both, so the trend shows the flake twice
    FlakySteps.reset();
    launch.run();
    launch.rerunFailed();
    assertThat(Files.list(reports.resolve("history"))).hasSize(2);
    Document again = Jsoup.parse(reports.resolve("index.html").toFile());
    assertThat(again.select("#history tbody tr")).hasSize(2);
    assertThat(again.select("#flaky-scenarios li").text()).contains("a flaky row passes only on its rerun").contains("flaky in 2 of 2 runs");
  }

  @Test
  void withoutARerunAFailureStaysAFailureAndNothingIsFlaky(@TempDir Path reports) {
    FlakySteps.reset();
    SuiteLaunch launch = launch(reports);
    launch.run();
    RunRecord record = RunRecord.read(reports);
    assertThat(record.count(Verdict.FAILED)).isEqualTo(2);
    assertThat(record.count(Verdict.FLAKY)).isZero();
    assertThat(record.summaryLine()).isEqualTo("3 scenarios: 1 passed, 0 flaky (passed only on rerun), 2 failed, 0 skipped");
  }
}
