package io.artifact.e2e.clerk;

import java.util.Arrays;

/**
 * The ways a session token is bad as Clerk's backend SDK ({@code @clerk/backend} {@code verifyToken},
 * fly-facts.md §9.2, §9.3) rejects it, each as ops would say it. Those only the instance could have
 * signed need its signing key, which only a testing surface hands out.
 */
public enum BadSession {
  /** {@code exp} in the past beyond the clock skew: {@code token-expired}. */
  EXPIRED("expired", true),
  /** {@code nbf} in the future: {@code token-not-active-yet}. */
  NOT_YET_VALID("not valid yet", true),
  /** {@code iat} in the future beyond the clock skew: {@code token-iat-in-the-future}. */
  ISSUED_IN_THE_FUTURE("issued in the future", true),
  /** {@code azp} an origin that is not the router's: {@code token-invalid-authorized-parties}. */
  FOR_ANOTHER_SITE("issued for another site", true),
  /** Another key pair under the instance's own {@code kid}: {@code token-invalid-signature}. */
  FORGED_WITH_THE_INSTANCE_KID("signed by another key under the instance's key id", false),
  /** Another key pair under a {@code kid} the instance does not have: {@code jwk-kid-mismatch}. */
  SIGNED_BY_AN_UNKNOWN_KEY("signed by a key the instance does not have", false),
  /** A real session token cut short: not a JWT any more, {@code token-invalid}. */
  MALFORMED("malformed", false);

  /** Every kind's words, for a Cucumber parameter type (checked against the enum by a unit test). */
  public static final String PATTERN = "expired|not valid yet|issued in the future|issued for another site"
      + "|signed by another key under the instance's key id|signed by a key the instance does not have|malformed";

  private final String words;
  private final boolean needsInstanceKey;

  BadSession(String words, boolean needsInstanceKey) {
    this.words = words;
    this.needsInstanceKey = needsInstanceKey;
  }

  /** How a feature names it ("a session that is expired"). */
  public String words() {
    return words;
  }

  public boolean needsInstanceKey() {
    return needsInstanceKey;
  }

  /** The regular expression a Cucumber parameter type matches. */
  public static String pattern() {
    return String.join("|", Arrays.stream(values()).map(BadSession::words).toList());
  }

  public static BadSession byWords(String words) {
    return Arrays.stream(values()).filter(b -> b.words.equals(words)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bad session called '" + words + "'; known: " + pattern()));
  }
}
