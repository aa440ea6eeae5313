package io.artifact.e2e.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the run when nothing was checked: a tag filter that selected no scenario (a typo in
 * {@code -Dcucumber.filter.tags}), or scenarios that were all skipped (a target offering none of
 * the capabilities they need). Either way a green, empty build would lie.
 */
public final class ZeroScenarioGuard implements ConcurrentEventListener {

  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger executed = new AtomicInteger();
  private final Map<String, Integer> skipReasons = new TreeMap<>();

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::count);
    publisher.registerHandlerFor(TestRunFinished.class, e -> check());
  }

  private void count(TestCaseFinished e) {
    finished.incrementAndGet();
    if (e.getResult().getStatus() != Status.SKIPPED) {
      executed.incrementAndGet();
      return;
    }
    Throwable why = e.getResult().getError();
    synchronized (skipReasons) {
      skipReasons.merge(why == null ? "skipped" : why.getMessage(), 1, Integer::sum);
    }
  }

  void check() {
    String tags = System.getProperty("cucumber.filter.tags", "(none)");
    if (finished.get() == 0) {
      throw new IllegalStateException("no scenario matched the tag filter " + tags + " — nothing was checked");
    }
    if (executed.get() == 0) {
      throw new IllegalStateException("all " + finished.get() + " scenario(s) matching " + tags + " were skipped — nothing was checked: "
          + skipReasons);
    }
  }
}
