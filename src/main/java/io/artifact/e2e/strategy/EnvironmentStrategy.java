package io.artifact.e2e.strategy;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.world.ScenarioWorld;

/**
 * The runbook's environment strategies (E2E.md "Environment Strategies"), picked by {@code strategy=}
 * in the profile: what happens once per run around the scenarios and, for hybrid, around each one.
 * Ephemeral slices are created and destroyed by Phase 1 provisioning itself ({@code SliceProvisioner},
 * {@code Teardown}); staging recycles the long-lived org's worker pool and holds the run to rotated
 * secrets; hybrid keeps NFS, router and exec warm and checks each scenario left them so.
 */
public interface EnvironmentStrategy {

  static EnvironmentStrategy of(Profile profile) {
    return switch (profile.strategy()) {
      case "staging" -> new StagingStrategy();
      case "hybrid" -> new HybridStrategy();
      default -> new EphemeralStrategy();
    };
  }

  String name();

  /** Once, after the target is open and before the first scenario. */
  default void beforeRun(RunScope run) {}

  /** Before a scenario's first step: register on its cleanup ledger what must hold when it is torn down. */
  default void beginScenario(ScenarioWorld world) {}

  /** Once, after the last scenario (pass or fail); a problem it cannot put right is thrown after it is noted. */
  default void afterRun(RunScope run) {}
}
