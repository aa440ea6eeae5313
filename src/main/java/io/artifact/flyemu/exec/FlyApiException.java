package io.artifact.flyemu.exec;

/** The Machines API refused or failed a call exec made. */
public final class FlyApiException extends RuntimeException {
  public FlyApiException(String message) {
    super(message);
  }

  public FlyApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
