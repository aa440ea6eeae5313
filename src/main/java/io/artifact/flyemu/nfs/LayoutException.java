package io.artifact.flyemu.nfs;

/** A file on the share is missing, malformed or named illegally (the zod parse failures of the real stack). */
public class LayoutException extends RuntimeException {
  public LayoutException(String message) {
    super(message);
  }

  public LayoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
