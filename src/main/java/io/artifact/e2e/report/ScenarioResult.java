package io.artifact.e2e.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.artifact.e2e.report.MatrixSummary.Verdict;
import java.util.List;

/**
 * One scenario (one Examples row) of a run, as the front page shows it: where it is
 * ({@code features/router-ingress.feature:27}), its feature's name, its tags, its verdict and why
 * (the skip reason or the failure's first line), how long it took, and on how many attempts.
 * {@code firstFailure} keeps what a flaky scenario failed with before its rerun passed; {@code search}
 * is what finds it in Cucumber's HTML report (its search knows the Gherkin's scenario names, not an
 * Examples row's, so an outline's name up to its first placeholder).
 */
public record ScenarioResult(
    @JsonProperty("location") String location,
    @JsonProperty("feature") String feature,
    @JsonProperty("name") String name,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("verdict") Verdict verdict,
    @JsonProperty("reason") String reason,
    @JsonProperty("millis") long millis,
    @JsonProperty("attempts") int attempts,
    @JsonProperty("first_failure") String firstFailure,
    @JsonProperty("search") String search) {

  /** The matrix ids among the tags ({@code ROUTER-001}); none for a scenario outside the matrix. */
  public List<String> matrixIds() {
    return tags.stream().filter(t -> MatrixSummary.MATRIX_ID.matcher(t).matches()).map(t -> t.substring(1)).toList();
  }

  public boolean unhappy() {
    return tags.contains("@unhappy");
  }

  public List<String> gaps() {
    return MatrixSummary.gapsOf(tags);
  }

  /** This result after a rerun that ended {@code again}: passed now means flaky, never a plain pass. */
  ScenarioResult rerun(ScenarioResult again) {
    Verdict v = again.verdict() == Verdict.PASSED ? Verdict.FLAKY : Verdict.FAILED;
    String why = v == Verdict.FLAKY ? "failed on attempt 1 (" + reason + "), passed on the rerun" : again.reason() == null ? reason : again.reason();
    return new ScenarioResult(location, feature, name, tags, v, why, millis + again.millis(), attempts + 1, reason, search);
  }
}
