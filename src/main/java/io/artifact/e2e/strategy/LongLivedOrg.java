package io.artifact.e2e.strategy;

import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.provision.SliceCredentials;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.CleanupLedger;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.TargetPorts;
import java.util.Optional;

/**
 * On the embedded stack there is no long-lived org to reuse: a staging or hybrid run stands one up
 * first, as {@code stack up -De2e.strategy=staging} does (it plays the ops team), so these strategies
 * run on a laptop too. It dies with the run's emulator; on any other target the org must exist.
 */
final class LongLivedOrg {

  private LongLivedOrg() {}

  static void standUpIfEmbedded(RunScope run) {
    if (!run.profile().embedded()) return;
    OrgSlice slice = run.sharedSlice();
    FlyPort fly = run.fly().get();
    if (fly.findApp(slice.nfsApp()).isPresent()) return;
    SliceBlueprint bp = SliceBlueprint.of(run.profile(), slice, SliceCredentials.of(run.target()), true);
    SliceProvisioner.create(bp, fly, Optional.of(TargetPorts.nfs(run.target(), slice, () -> fly)), new CleanupLedger(),
        run.profile().duration("timeouts.boot"));
    run.notes().accept(run.profile().strategy() + ": stood the long-lived org " + slice.prefix() + " up on the embedded stack");
  }
}
