package io.artifact.flyemu.clerk;

import java.time.Duration;
import java.time.Instant;

/** A session of the local Clerk instance; {@code status} uses Clerk's words ({@code active}, {@code revoked}, {@code removed}). */
public record ClerkSession(
    String id,
    String clientId,
    String userId,
    String status,
    Instant createdAt,
    Instant updatedAt) {

  /** Clerk's defaults: a session expires after 7 days and is abandoned after 30. */
  public Instant expireAt() {
    return createdAt.plus(Duration.ofDays(7));
  }

  public Instant abandonAt() {
    return createdAt.plus(Duration.ofDays(30));
  }

  public boolean active() {
    return "active".equals(status);
  }

  ClerkSession withStatus(String newStatus, Instant at) {
    return new ClerkSession(id, clientId, userId, newStatus, createdAt, at);
  }
}
