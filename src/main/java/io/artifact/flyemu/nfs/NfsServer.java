package io.artifact.flyemu.nfs;

import io.artifact.flyemu.fly.Check;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code fly-nfs} image: exports {@code /data/computers} from the volume mounted at
 * {@code /data} (stack-contract.md §1.1) and runs the self-mount check whose {@code mount ok}
 * line the Phase 0 baseline looks for. Tag {@code defect-no-self-check} skips that check.
 */
public final class NfsServer implements MachineProgram {

  public static final String IMAGE = "fly-nfs";
  public static final String SHARE = "computers";
  static final String NO_SELF_CHECK = "defect-no-self-check";
  /** The defect tags this image implements; any other {@code defect-*} tag does not exist. */
  public static final Set<String> DEFECTS = Set.of(NO_SELF_CHECK);

  private final boolean selfCheck;
  private volatile Path export;

  public NfsServer(ImageRef ref) {
    this.selfCheck = !ref.tag().equals(NO_SELF_CHECK);
  }

  @Override
  public void boot(MachineRuntime rt) throws Exception {
    Path data = rt.volume("/data").orElseThrow(() -> new IllegalStateException("no volume mounted at /data (mount nfsdata → /data)"));
    Path share = Files.createDirectories(data.resolve(SHARE));
    rt.log("ganesha.nfsd: NFS-Ganesha starting, exporting /data (Pseudo /data, NFSv4, RW)");
    this.export = share;
    if (selfCheck) {
      // the provisioning runbook's self-mount-check.sh: mount the export from inside and list it
      rt.log(Files.isDirectory(share) ? "self-mount-check: mount ok" : "self-mount-check: mount failed");
    }
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
