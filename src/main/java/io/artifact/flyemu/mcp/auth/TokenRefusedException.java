package io.artifact.flyemu.mcp.auth;

import java.util.Optional;

/** A bearer token that does not open the control plane; {@code revoked} is set when it once did. */
public final class TokenRefusedException extends RuntimeException {

  private final transient Grant revoked;

  public TokenRefusedException(String message, Grant revoked) {
    super(message);
    this.revoked = revoked;
  }

  public Optional<Grant> revoked() {
    return Optional.ofNullable(revoked);
  }
}
