package io.artifact.e2e.support.flaky;

import io.cucumber.java.en.Given;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only glue for src/test/resources/flaky: a step that fails the first time it runs in a JVM (since the last reset) and passes after. */
public final class FlakySteps {

  private static final AtomicInteger FLAKY_RUNS = new AtomicInteger();

  public static void reset() {
    FLAKY_RUNS.set(0);
  }

  @Given("a step that passes")
  public void passes() {}

  @Given("a step that fails on its first attempt only")
  public void failsOnce() {
    if (FLAKY_RUNS.getAndIncrement() == 0) throw new AssertionError("first attempt: the made-up race lost");
  }

  @Given("a step that always fails")
  public void alwaysFails() {
    throw new AssertionError("this row is broken for good");
  }
}
