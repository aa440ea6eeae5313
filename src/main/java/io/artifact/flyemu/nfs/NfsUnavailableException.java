package io.artifact.flyemu.nfs;

/** The NFS share cannot be mounted right now; the message starts with "NFS mount failed". */
public final class NfsUnavailableException extends RuntimeException {
  public NfsUnavailableException(String message) {
    super(message);
  }
}
