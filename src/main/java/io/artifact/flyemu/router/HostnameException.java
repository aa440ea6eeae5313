package io.artifact.flyemu.router;

/** The host is not one the router serves; the message is the real router's (stack-contract.md §2.1). */
public final class HostnameException extends RuntimeException {
  HostnameException(String message) {
    super(message);
  }
}
