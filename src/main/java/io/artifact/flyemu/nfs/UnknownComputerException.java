package io.artifact.flyemu.nfs;

/** The computer has no folder (or no {@code exec/}) on the share. */
public final class UnknownComputerException extends LayoutException {
  public UnknownComputerException(String computer) {
    super("computer " + computer + " has no exec/ directory");
  }
}
