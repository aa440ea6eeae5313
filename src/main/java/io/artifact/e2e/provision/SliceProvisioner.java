package io.artifact.e2e.provision;

import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.VolumeInfo;
import io.artifact.e2e.mcp.ToolCall;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands a slice up through the Fly port — the same calls against the embedded platform as
 * against Fly. Ephemeral slices are created (apps, NFS volume, Machines, certificates), each step
 * registered on the cleanup ledger; staging and hybrid slices must already exist. With
 * {@code phase1.ensure-apps=mcp} the apps are ensured through the control plane first
 * ({@code infra.ensure_app}, runbook Phase 1) and the manifest records what was ensured.
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
    boolean ephemeral = world.profile().strategy().equals("ephemeral");
    FlyPort fly = world.fly();
    if (world.profile().optional("phase1.ensure-apps").orElse("fly").equals("mcp")) {
      ensureThroughControlPlane(slice, ephemeral);
    } else if (!ephemeral) {
      requireExisting(slice);
    } else {
      for (String app : slice.apps()) {
        fly.createApp(app, slice.org());
        world.cleanup().register("destroy app " + app, () -> fly.destroyApp(app));
      }
    }
    if (!ephemeral) return;
    SliceBlueprint bp = blueprint();
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

  private void ensureThroughControlPlane(OrgSlice slice, boolean ephemeral) {
    for (String app : slice.apps()) {
      ToolCall c = world.mcp().ensureApp(app);
      if (c.error()) throw new IllegalStateException("Phase 1: infra.ensure_app " + app + " failed: " + c.text());
      boolean created = Boolean.TRUE.equals(c.get("created"));
      world.manifest().ensured(app + ": " + (created ? "created" : "existing") + " (infra.ensure_app)");
      if (created && ephemeral) world.cleanup().register("destroy app " + app, () -> world.fly().destroyApp(app));
    }
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
