package io.artifact.flyemu.router;

/** The agent's instance did not reach {@code running} within the router's wait budget. */
final class InstanceTimeoutException extends RuntimeException {
  InstanceTimeoutException(String message) {
    super(message);
  }
}
