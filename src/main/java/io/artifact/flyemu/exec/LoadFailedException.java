package io.artifact.flyemu.exec;

/** The agent's {@code load} tool did not answer {@code ok}; the instance stays {@code loadable}. */
public final class LoadFailedException extends RuntimeException {
  public LoadFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
