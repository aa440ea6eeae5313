package io.artifact.flyemu.exec;

/** A worker Machine died, failed or never answered its ping while booting. */
public final class BootFailedException extends RuntimeException {
  public BootFailedException(String message) {
    super(message);
  }
}
