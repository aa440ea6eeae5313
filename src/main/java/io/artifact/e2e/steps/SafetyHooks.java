package io.artifact.e2e.steps;

import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.Before;
import org.opentest4j.TestAbortedException;

/**
 * Tag contracts, checked before any step runs: {@code @destructive} never runs against a profile
 * marked production; {@code @local-only} needs the embedded stack and is skipped (not failed) on Fly.
 */
public final class SafetyHooks {

  private final ScenarioWorld world;

  public SafetyHooks(ScenarioWorld world) {
    this.world = world;
  }

  @Before(value = "@destructive", order = 1)
  public void refuseDestructiveStepsOnProduction() {
    if (world.profile().production()) {
      throw new IllegalStateException("refusing a @destructive scenario: " + world.profile().source() + " says production=true");
    }
  }

  @Before(value = "@local-only", order = 1)
  public void skipLocalOnlyScenariosOnFly() {
    if (!world.profile().embedded()) {
      throw new TestAbortedException("@local-only: needs the embedded stack, profile '" + world.profile().name() + "' targets Fly");
    }
  }
}
