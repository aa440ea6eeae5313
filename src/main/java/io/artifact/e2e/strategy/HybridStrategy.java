package io.artifact.e2e.strategy;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.List;

/**
 * Hybrid fixture pool: NFS, router and exec stay warm across the run; each scenario's worker Machines
 * and agents are its own. Before a scenario the warm fixtures are noted ({@link WarmFixtures}); the
 * check is the first entry on its cleanup ledger, so it runs last at teardown — after the scenario's
 * own undos — and a scenario that recreated a fixture, left one stopped or left a worker behind fails
 * through its teardown verdict.
 */
final class HybridStrategy implements EnvironmentStrategy {

  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  public void beforeRun(RunScope run) {
    LongLivedOrg.standUpIfEmbedded(run);
  }

  @Override
  public void beginScenario(ScenarioWorld world) {
    WarmFixtures warm = WarmFixtures.snapshot(world.fly(), world.slice());
    world.manifest().put("warm_fixtures", warm.machines());
    world.cleanup().register("hybrid: NFS, router and exec still warm, no worker of this scenario left", () -> {
      List<String> problems = warm.problems(world.fly(), world.slice(), world.contract().value(Contract.WORKER_COMPUTER_LABEL),
          world.bootBound(), world.profile().duration("timeouts.poll"));
      if (!problems.isEmpty()) throw new IllegalStateException("hybrid fixture pool: " + String.join("; ", problems));
    });
  }
}
