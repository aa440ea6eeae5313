package io.artifact.flyemu.nfs;

import java.nio.file.Path;

/**
 * ROOT ({@code /mnt/computers}) as a client sees it. The mounted form asks {@link NfsMounts} on
 * every call, so an NFS outage surfaces as {@link NfsUnavailableException} on the next operation.
 */
@FunctionalInterface
public interface NfsRoot {

  Path path();

  static NfsRoot mounted(NfsMounts mounts, String dcNfs) {
    return () -> mounts.mount(dcNfs);
  }

  static NfsRoot at(Path root) {
    return () -> root;
  }
}
