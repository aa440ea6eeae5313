package io.artifact.e2e.clerk;

import io.artifact.e2e.evidence.Redactor;
import java.time.Instant;

/**
 * A Clerk session token (a JWT: a credential) and what the suite needs to know about it. Its
 * {@link #toString()} never shows the JWT, so it is safe in reports and logs.
 */
public record SessionToken(String jwt, String sessionId, String userId, Instant issuedAt, Instant expiresAt) {

  /** For API callers: the {@code Authorization} header value. */
  public String authorizationHeader() {
    return "Bearer " + jwt;
  }

  /**
   * For browsers: the {@code Cookie} header a signed-in browser of the instance sends. Clerk only
   * reads {@code __session} together with {@code __client_uat} (not after {@code iat}), and on a
   * development instance only next to a dev-browser token ({@code __clerk_db_jwt}), whose presence
   * is all the backend checks.
   */
  public String cookieHeader() {
    return "__session=" + jwt + "; __client_uat=" + issuedAt.getEpochSecond() + "; __clerk_db_jwt=dvb_e2e";
  }

  @Override
  public String toString() {
    return "SessionToken[session=" + sessionId + ", user=" + userId + ", expiresAt=" + expiresAt + ", jwt=" + Redactor.MASK + "]";
  }
}
