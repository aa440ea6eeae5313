package io.artifact.e2e.clerk;

import java.time.Duration;

/**
 * Clerk as the suite needs it: test users, session tokens for them, revocation, and where the
 * Account Portal signs browsers in. One adapter, {@link ClerkBackendApi}, serves real Clerk and
 * the embedded stack's local Clerk alike, because both speak the Backend API.
 */
public interface ClerkPort {

  /** The test user called {@code name} (its Clerk {@code external_id}); created if it does not exist yet. */
  TestUser user(String name);

  /** A new active session for the user and its session token, with the instance's default lifetime. */
  SessionToken sessionToken(TestUser user);

  SessionToken sessionToken(TestUser user, Duration lifetime);

  /** Revokes the token's session: no new tokens; tokens already issued stay valid until they expire. */
  void revoke(SessionToken token);

  /** Deletes the user (cleanup); its sessions end. */
  void deleteUser(TestUser user);

  /** The Account Portal sign-in URL the router sends signed-out browsers to. */
  String signInUrl();
}
