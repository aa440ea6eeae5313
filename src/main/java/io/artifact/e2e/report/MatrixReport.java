package io.artifact.e2e.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
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
  private final Path out = Path.of("target-reports", "matrix.json");

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, e ->
        summary.add(e.getTestCase().getName(), e.getTestCase().getTags(), e.getResult().getStatus() == Status.PASSED));
    publisher.registerHandlerFor(TestRunFinished.class, e -> write());
  }

  private void write() {
    if (summary.rows().isEmpty()) return;
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary.asJson()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    System.out.print(summary.render());
  }
}
