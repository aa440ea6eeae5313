package io.artifact.e2e.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.artifact.e2e.report.MatrixSummary.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the reports see it ({@code target-reports/scenarios.json}): id, when, against which
 * profile and target, how many attempts, and every scenario's result. A rerun reads the first
 * attempt's record and merges its own results into it; history keeps one small record per run.
 */
public record RunRecord(
    @JsonProperty("run_id") String runId,
    @JsonProperty("started") String started,
    @JsonProperty("millis") long millis,
    @JsonProperty("profile") String profile,
    @JsonProperty("target") String target,
    @JsonProperty("attempts") int attempts,
    @JsonProperty("scenarios") List<ScenarioResult> scenarios) {

  static final String FILE = "scenarios.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public long count(Verdict v) {
    return scenarios.stream().filter(s -> s.verdict() == v).count();
  }

  public MatrixSummary matrix() {
    MatrixSummary m = new MatrixSummary();
    scenarios.forEach(s -> m.add(s.name(), s.tags(), s.verdict(), s.reason()));
    return m;
  }

  /** The first attempt with the rerun's results merged in: failed then passed is flaky; failed twice stays failed. */
  RunRecord withRerun(List<ScenarioResult> rerun, long rerunMillis) {
    Map<String, ScenarioResult> again = new LinkedHashMap<>();
    rerun.forEach(r -> again.put(r.location(), r));
    List<ScenarioResult> merged = new ArrayList<>();
    for (ScenarioResult s : scenarios) merged.add(again.containsKey(s.location()) && s.verdict() == Verdict.FAILED ? s.rerun(again.get(s.location())) : s);
    return new RunRecord(runId, started, millis + rerunMillis, profile, target, attempts + 1, merged);
  }

  /** One line: {@code 37 scenarios: 35 passed, 1 flaky (passed only on rerun), 1 failed, 0 skipped}. */
  public String summaryLine() {
    return scenarios.size() + " scenarios: " + count(Verdict.PASSED) + " passed, " + count(Verdict.FLAKY) + " flaky (passed only on rerun), "
        + count(Verdict.FAILED) + " failed, " + count(Verdict.SKIPPED) + " skipped";
  }

  void write(Path dir) {
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve(FILE).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
    }
  }

  /** The record of the last run written to {@code dir}, to be rerun or summarised. */
  public static RunRecord read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) throw new IllegalStateException("no run recorded in " + file + ": run the suite first");
    try {
      return JSON.readValue(file.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not a run record: " + e.getMessage(), e);
    }
  }
}
