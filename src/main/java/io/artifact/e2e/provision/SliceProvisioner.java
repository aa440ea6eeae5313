package io.artifact.e2e.provision;

import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.VolumeInfo;
import io.artifact.e2e.mcp.ToolCall;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.CleanupLedger;
import io.artifact.e2e.world.Teardown;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    return SliceBlueprint.of(world.profile(), world.slice(), SliceCredentials.of(world.target()));
  }

  public void provision() {
    boolean ephemeral = world.profile().strategy().equals("ephemeral");
    boolean viaControlPlane = world.profile().optional("phase1.ensure-apps").orElse("fly").equals("mcp");
    if (viaControlPlane) {
      ensureThroughControlPlane(ephemeral);
    } else if (!ephemeral) {
      requireExisting();
    }
    if (!ephemeral) {
      recordAgentBundleDigests();
      return;
    }
    // on Fly the hosts' release step publishes the image records; the embedded slice is seeded as it would be
    Optional<NfsPort> nfs = world.target().offers(Capability.NFS_FILES) ? Optional.of(world.nfs()) : Optional.empty();
    if (!viaControlPlane) world.slice().apps().forEach(app -> world.manifest().created("app " + app));
    List<MachineInfo> created = viaControlPlane ? createResources(blueprint(), world.fly(), nfs, world.bootBound())
        : create(blueprint(), world.fly(), nfs, world.cleanup(), world.bootBound());
    world.manifest().put("provisioned", created.stream().map(m -> m.id() + " " + m.image()).toList());
    world.manifest().created("volume " + world.fly().listVolumes(world.slice().nfsApp()).get(0).id() + " of " + world.slice().nfsApp());
    List<String> hosts = List.of(world.slice().nfsApp(), world.slice().routerApp(), world.slice().execApp()); // createResources' order
    for (int i = 0; i < created.size(); i++) world.manifest().created("Machine " + created.get(i).id() + " of " + hosts.get(i));
    recordAgentBundleDigests();
  }

  /** Phase 1: the agent bundle the slice's new agents are expected to get, by the digest of its release manifest on the share. */
  private void recordAgentBundleDigests() {
    if (!world.target().offers(Capability.NFS_FILES)) return;
    try {
      world.nfs().imageRecordText(SliceBlueprint.AGENT_IMAGE_RECORD).ifPresent(text -> world.manifest().put("agent_bundle_digests",
          java.util.Map.of(SliceBlueprint.AGENT_IMAGE_RECORD, "sha256:" + java.util.HexFormat.of().formatHex(sha256(text)))));
    } catch (UnsupportedOperationException e) {
      // a share reached without reading release manifests: the manifest says nothing rather than a guess
    }
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a whole slice; also used by {@code stack up}, outside any scenario. */
  public static List<MachineInfo> create(SliceBlueprint bp, FlyPort fly, Optional<NfsPort> nfs, CleanupLedger cleanup,
      Duration bootBound) {
    OrgSlice slice = bp.slice();
    for (String app : slice.apps()) {
      fly.createApp(app, slice.org());
      Teardown.destroyAppLater(cleanup, slice, () -> fly, app);
    }
    return createResources(bp, fly, nfs, bootBound);
  }

  /** The volume, Machines and certificates of a slice whose apps exist. */
  static List<MachineInfo> createResources(SliceBlueprint bp, FlyPort fly, Optional<NfsPort> nfs, Duration bootBound) {
    OrgSlice slice = bp.slice();
    VolumeInfo volume = fly.createVolume(slice.nfsApp(), "nfsdata", slice.region(), 10);
    MachineInfo nfsMachine = fly.createMachine(slice.nfsApp(), bp.nfsMachine(volume.id()));
    fly.awaitState(slice.nfsApp(), nfsMachine.id(), "started", bootBound); // router and exec mount it at boot
    nfs.ifPresent(n -> n.publishImageRecord(SliceBlueprint.AGENT_IMAGE_RECORD, bp.agentImageRecord()));
    // Fly injects app secrets into a Machine's env when it is created, so they go first
    fly.setSecrets(slice.routerApp(), bp.credentials().routerSecrets());
    fly.setSecrets(slice.execApp(), bp.credentials().execSecrets());
    MachineInfo router = fly.createMachine(slice.routerApp(), bp.routerMachine());
    MachineInfo exec = fly.createMachine(slice.execApp(), bp.execMachine());
    // a Machine whose program runs outside starts when that program does, which needs the env this
    // slice gives it first (stack up prints it): such a Machine is not awaited here
    if (!SliceBlueprint.runsOutside(bp.routerImage())) fly.awaitState(slice.routerApp(), router.id(), "started", bootBound);
    if (!SliceBlueprint.runsOutside(bp.execImage())) fly.awaitState(slice.execApp(), exec.id(), "started", bootBound);
    fly.addCertificate(slice.routerApp(), slice.domain());
    fly.addCertificate(slice.routerApp(), "*." + slice.domain());
    return List.of(nfsMachine, router, exec);
  }

  private void ensureThroughControlPlane(boolean ephemeral) {
    for (String app : world.slice().apps()) {
      ToolCall c = world.mcp().ensureApp(app);
      if (c.error()) throw new IllegalStateException("Phase 1: infra.ensure_app " + app + " failed: " + c.text());
      boolean created = Boolean.TRUE.equals(c.get("created"));
      world.manifest().ensured(app + ": " + (created ? "created" : "existing") + " (infra.ensure_app)");
      if (created) {
        world.manifest().created("app " + app);
        Teardown.destroyAppLater(world.cleanup(), world.slice(), world::fly, app);
      }
    }
  }

  private void requireExisting() {
    for (String app : world.slice().apps()) {
      if (world.fly().findApp(app).isEmpty()) {
        throw new IllegalStateException("profile '" + world.profile().name() + "' (" + world.profile().strategy()
            + ") expects app " + app + " to exist in the org; create it or use the ephemeral profile");
      }
      world.manifest().ensured(app);
    }
  }
}
