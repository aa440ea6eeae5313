package io.artifact.e2e.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.artifact.e2e.report.MatrixSummary.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flake counts across runs: one small file per run under {@code target-reports/history/} (kept by
 * {@code mvn clean}), rewritten when the run's rerun finishes, so the front page can show a trend
 * and which scenarios keep flaking.
 */
final class History {

  /** One run: when, against what, its counts, and which scenarios were flaky or failed. */
  record Entry(@JsonProperty("run_id") String runId, @JsonProperty("started") String started, @JsonProperty("profile") String profile,
      @JsonProperty("target") String target, @JsonProperty("attempts") int attempts, @JsonProperty("passed") long passed,
      @JsonProperty("flaky") long flaky, @JsonProperty("failed") long failed, @JsonProperty("skipped") long skipped,
      @JsonProperty("flaky_scenarios") List<String> flakyScenarios, @JsonProperty("failed_scenarios") List<String> failedScenarios) {}

  /** How many runs the front page shows. */
  static final int SHOWN = 20;

  private History() {}

  /** Writes this run's entry and returns the history, newest first. */
  static List<Entry> record(Path dir, RunRecord run) {
    Entry entry = new Entry(run.runId(), run.started(), run.profile(), run.target(), run.attempts(), run.count(Verdict.PASSED),
        run.count(Verdict.FLAKY), run.count(Verdict.FAILED), run.count(Verdict.SKIPPED), names(run, Verdict.FLAKY), names(run, Verdict.FAILED));
    try {
      Files.createDirectories(dir);
      RunRecord.JSON.writeValue(dir.resolve(run.runId() + ".json").toFile(), entry);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run history in " + dir, e);
    }
    return read(dir);
  }

  static List<Entry> read(Path dir) {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        try {
          entries.add(RunRecord.JSON.readValue(f.toFile(), Entry.class));
        } catch (IOException e) {
          // a damaged entry must not cost the run its front page; it is simply not counted
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run history in " + dir, e);
    }
    entries.sort(Comparator.comparing(Entry::started).reversed());
    return entries;
  }

  private static List<String> names(RunRecord run, Verdict v) {
    return run.scenarios().stream().filter(s -> s.verdict() == v).map(s -> s.name() + " (" + s.location() + ")").toList();
  }
}
