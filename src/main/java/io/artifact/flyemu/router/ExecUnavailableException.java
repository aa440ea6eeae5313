package io.artifact.flyemu.router;

/** Exec did not accept a change notification; {@code status} is its answer, 0 when unreachable. */
final class ExecUnavailableException extends RuntimeException {

  private final int status;

  ExecUnavailableException(String message, int status) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
