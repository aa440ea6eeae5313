package io.artifact.flyemu.nfs;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import java.nio.file.Path;

/**
 * NFS mounts for programs: {@code DC_NFS} names the server ({@code org1-nfs.flycast}); a mount
 * succeeds only while that app has a started {@link NfsServer}. Every call re-checks, so stopping
 * the NFS Machine makes every client's mount fail until it starts again.
 */
public final class NfsMounts {

  private final FlyPlatform fly;

  public NfsMounts(FlyPlatform fly) {
    this.fly = fly;
  }

  /** ROOT ({@code /mnt/computers}) for the server named by {@code dcNfs}, or {@link NfsUnavailableException}. */
  public Path mount(String dcNfs) {
    if (dcNfs == null || dcNfs.isBlank()) throw new NfsUnavailableException("NFS mount failed: DC_NFS is not set");
    String app = dcNfs.replaceFirst("\\.(flycast|internal)$", "");
    return fly.findApp(app).flatMap(a -> a.machines().stream()
            .map(Machine::runningProgram)
            .filter(p -> p instanceof NfsServer s && s.export() != null)
            .map(p -> ((NfsServer) p).export())
            .findFirst())
        .orElseThrow(() -> new NfsUnavailableException("NFS mount failed: " + dcNfs + ":/data/" + NfsServer.SHARE + " is not reachable"));
  }
}
