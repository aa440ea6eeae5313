package io.artifact.e2e.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the run when the tag filter selected no scenario at all: a typo in
 * {@code -Dcucumber.filter.tags} must not pass silently as a green, empty build.
 */
public final class ZeroScenarioGuard implements ConcurrentEventListener {

  private final AtomicInteger started = new AtomicInteger();

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseStarted.class, e -> started.incrementAndGet());
    publisher.registerHandlerFor(TestRunFinished.class, e -> {
      if (started.get() == 0) {
        String tags = System.getProperty("cucumber.filter.tags", "(none)");
        throw new IllegalStateException("no scenario matched the tag filter " + tags + " — nothing was checked");
      }
    });
  }
}
