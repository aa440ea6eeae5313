package io.artifact.e2e.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cucumber plugin: prints the scenario matrix at the end of a run and writes it to
 * {@code target-reports/matrix.json}, the summary CI dashboards read (runbook "Automation Hooks").
 */
public final class MatrixReport implements ConcurrentEventListener {

  private final MatrixSummary summary = new MatrixSummary();
  private final Path out;

  public MatrixReport() {
    this(new File("target-reports/matrix.json"));
  }

  /** {@code io.artifact.e2e.report.MatrixReport:some/other/matrix.json} writes elsewhere (tests that must not touch the run's reports). */
  public MatrixReport(File out) {
    this.out = out.toPath();
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, e ->
        summary.add(e.getTestCase().getName(), e.getTestCase().getTags(), verdict(e.getResult().getStatus()), reason(e)));
    publisher.registerHandlerFor(TestRunFinished.class, e -> write());
  }

  static MatrixSummary.Verdict verdict(Status status) {
    return switch (status) {
      case PASSED -> MatrixSummary.Verdict.PASSED;
      case SKIPPED -> MatrixSummary.Verdict.SKIPPED;
      default -> MatrixSummary.Verdict.FAILED; // undefined, pending, ambiguous and failed steps all mean "not shown to work"
    };
  }

  /** Why a scenario was skipped: the message of what aborted it (a missing capability names itself). */
  static String reason(TestCaseFinished e) {
    Throwable error = e.getResult().getError();
    return error == null ? null : error.getMessage();
  }

  private void write() {
    if (summary.rows().isEmpty()) return;
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary.asJson()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    System.out.print(summary.render());
  }
}
