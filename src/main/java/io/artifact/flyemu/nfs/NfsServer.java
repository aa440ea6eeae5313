package io.artifact.flyemu.nfs;

import io.artifact.flyemu.fly.Check;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.ImageTags;
import io.artifact.flyemu.fly.Variants;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code fly-nfs} image: exports {@code /data/computers} from the volume mounted at
 * {@code /data} (stack-contract.md §1.1) and runs the self-mount check whose {@code mount ok}
 * line the Phase 0 baseline looks for. Its variants differ in that check only.
 */
public final class NfsServer implements MachineProgram {

  public static final String IMAGE = "fly-nfs";
  public static final String SHARE = "computers";

  /** The provisioning runbook's {@code self-mount-check.sh}, run once the export is up. */
  @FunctionalInterface
  interface SelfCheck {
    void run(MachineRuntime rt, Path share);
  }

  /** DOC: mount the export from inside and list it. */
  static final SelfCheck MOUNT_AND_LIST = (rt, share) ->
      rt.log(Files.isDirectory(share) ? "self-mount-check: mount ok" : "self-mount-check: mount failed");
  /** No such script (G19 IMPL). */
  static final SelfCheck NONE = (rt, share) -> {};

  /** The image's tags → its self-check, in one place. */
  static final Variants<SelfCheck> VARIANTS = Variants.doc(MOUNT_AND_LIST)
      .variant("defect-no-self-check", NONE)
      .variant(ImageTags.IMPL, NONE);

  private final SelfCheck selfCheck;
  private volatile Path export;

  public NfsServer(ImageRef ref) {
    this.selfCheck = VARIANTS.of(ref);
  }

  @Override
  public void boot(MachineRuntime rt) throws Exception {
    Path data = rt.volume("/data").orElseThrow(() -> new IllegalStateException("no volume mounted at /data (mount nfsdata → /data)"));
    Path share = Files.createDirectories(data.resolve(SHARE));
    rt.log("ganesha.nfsd: NFS-Ganesha starting, exporting /data (Pseudo /data, NFSv4, RW)");
    this.export = share;
    selfCheck.run(rt, share);
  }

  /** The variant tags the image answers to besides its version tags. */
  public static Set<String> variantTags() {
    return VARIANTS.tags();
  }

  /** The exported directory (ROOT, {@code /mnt/computers} on clients), while serving. */
  public Path export() {
    return export;
  }

  @Override
  public List<Check> checks() {
    return List.of(Check.passing("nfs", "exporting /data/computers"));
  }

  @Override
  public void shutdown() {
    export = null;
  }
}
