package io.artifact.e2e.provision;

import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.VolumeInfo;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands a slice up through the Fly port — the same calls against the embedded platform as
 * against Fly. Ephemeral slices are created (apps, NFS volume, Machines, certificates), each step
 * registered on the cleanup ledger; staging and hybrid slices must already exist.
 */
public final class SliceProvisioner {

  private final ScenarioWorld world;

  public SliceProvisioner(ScenarioWorld world) {
    this.world = world;
  }

  public SliceBlueprint blueprint() {
    return SliceBlueprint.of(world.profile(), world.slice());
  }

  public void provision() {
    OrgSlice slice = world.slice();
    if (!world.profile().strategy().equals("ephemeral")) {
      requireExisting(slice);
      return;
    }
    FlyPort fly = world.fly();
    SliceBlueprint bp = blueprint();
    for (String app : slice.apps()) {
      fly.createApp(app, slice.org());
      world.cleanup().register("destroy app " + app, () -> fly.destroyApp(app));
    }
    VolumeInfo volume = fly.createVolume(slice.nfsApp(), "nfsdata", slice.region(), 10);
    List<MachineInfo> created = new ArrayList<>();
    created.add(fly.createMachine(slice.nfsApp(), bp.nfsMachine(volume.id())));
    awaitStarted(slice.nfsApp(), created.get(0));
    created.add(fly.createMachine(slice.routerApp(), bp.routerMachine()));
    created.add(fly.createMachine(slice.execApp(), bp.execMachine()));
    awaitStarted(slice.routerApp(), created.get(1));
    awaitStarted(slice.execApp(), created.get(2));
    fly.addCertificate(slice.routerApp(), slice.domain());
    fly.addCertificate(slice.routerApp(), "*." + slice.domain());
    world.manifest().put("provisioned", created.stream().map(m -> m.id() + " " + m.image()).toList());
  }

  private void awaitStarted(String app, MachineInfo m) {
    world.fly().awaitState(app, m.id(), "started", world.bootBound());
  }

  private void requireExisting(OrgSlice slice) {
    for (String app : slice.apps()) {
      if (world.fly().findApp(app).isEmpty()) {
        throw new IllegalStateException("profile '" + world.profile().name() + "' (" + world.profile().strategy()
            + ") expects app " + app + " to exist in the org; create it or use the ephemeral profile");
      }
      world.manifest().ensured(app);
    }
  }
}
