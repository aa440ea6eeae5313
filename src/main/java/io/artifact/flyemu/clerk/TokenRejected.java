package io.artifact.flyemu.clerk;

/** A session token failed verification; {@code reason} is a {@link AuthReasons} token-level word. Never carries the token. */
final class TokenRejected extends Exception {

  private final String reason;

  TokenRejected(String reason) {
    super(reason, null, false, false);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
