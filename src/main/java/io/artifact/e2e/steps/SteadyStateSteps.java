package io.artifact.e2e.steps;

import io.artifact.e2e.health.SteadyState;
import io.cucumber.java.en.Given;

/** The steady-state hypothesis of a fault drill: checked before the fault and after the restore. */
public final class SteadyStateSteps {

  private final SteadyState steadyState;

  public SteadyStateSteps(SteadyState steadyState) {
    this.steadyState = steadyState;
  }

  @Given("the stack is healthy")
  public void theStackIsHealthy() {
    steadyState.holds();
  }
}
