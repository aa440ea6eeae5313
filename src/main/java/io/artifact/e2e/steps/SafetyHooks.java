package io.artifact.e2e.steps;

import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.Before;

/**
 * Tag contracts, checked before any step runs: {@code @destructive} never runs against a profile
 * marked production. (What a target cannot do is not a tag: the step that needs a capability skips.)
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
}
