package io.artifact.e2e.steps;

import io.artifact.e2e.world.SuiteRuntime;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/**
 * Once per run: load the profile (failing fast with one line if it is bad) and, for the
 * embedded target, start the stack every scenario shares; stop it when the run ends.
 */
public final class StackHooks {

  @BeforeAll
  public static void startRuntime() {
    SuiteRuntime.acquire();
  }

  @AfterAll
  public static void stopRuntime() {
    SuiteRuntime.release();
  }
}
