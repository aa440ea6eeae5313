package io.artifact.flyemu.clerk;

/**
 * The {@code x-clerk-auth-reason} words {@code @clerk/backend} 2.18 uses, plus the DOC-column
 * words for keys the SDK would throw on (fly-facts §9.4, stack-contract §8 G4).
 */
public final class AuthReasons {

  // request-level (AuthErrorReason)
  public static final String SESSION_TOKEN_AND_UAT_MISSING = "session-token-and-uat-missing";
  public static final String SESSION_TOKEN_WITHOUT_CLIENT_UAT = "session-token-but-no-client-uat";
  public static final String CLIENT_UAT_WITHOUT_SESSION_TOKEN = "client-uat-but-no-session-token";
  public static final String SESSION_TOKEN_IAT_BEFORE_CLIENT_UAT = "session-token-iat-before-client-uat";
  public static final String SESSION_TOKEN_NBF = "session-token-nbf";
  public static final String SESSION_TOKEN_IAT_IN_THE_FUTURE = "session-token-iat-in-the-future";
  public static final String DEV_BROWSER_MISSING = "dev-browser-missing";
  public static final String DEV_BROWSER_SYNC = "dev-browser-sync";
  /** An expired token on a request that cannot refresh: {@code session-token-expired-refresh-<why>}. */
  public static final String SESSION_TOKEN_EXPIRED_PREFIX = "session-token-expired-refresh-";

  // token-level (TokenVerificationErrorReason)
  public static final String TOKEN_EXPIRED = "token-expired";
  public static final String TOKEN_INVALID = "token-invalid";
  public static final String TOKEN_INVALID_ALGORITHM = "token-invalid-algorithm";
  public static final String TOKEN_INVALID_SIGNATURE = "token-invalid-signature";
  public static final String TOKEN_NOT_ACTIVE_YET = "token-not-active-yet";
  public static final String TOKEN_IAT_IN_THE_FUTURE = "token-iat-in-the-future";
  /** {@code azp} is present and not one of the app's {@code authorizedParties}. */
  public static final String TOKEN_INVALID_AUTHORIZED_PARTIES = "token-invalid-authorized-parties";
  public static final String TOKEN_VERIFICATION_FAILED = "token-verification-failed";
  public static final String SECRET_KEY_INVALID = "secret-key-invalid";
  public static final String JWK_REMOTE_FAILED_TO_LOAD = "jwk-remote-failed-to-load";
  public static final String JWK_KID_MISMATCH = "jwk-kid-mismatch";

  // DOC behaviour where the SDK throws (IMPL: 500 "Missing Clerk Secret key" etc.)
  public static final String SECRET_KEY_MISSING = "secret-key-missing";
  public static final String PUBLISHABLE_KEY_MISSING = "publishable-key-missing";
  public static final String PUBLISHABLE_KEY_INVALID = "publishable-key-invalid";

  private AuthReasons() {}
}
