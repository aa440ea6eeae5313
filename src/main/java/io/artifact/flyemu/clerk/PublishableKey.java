package io.artifact.flyemu.clerk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * A Clerk publishable key: {@code pk_test_} (development instance) or {@code pk_live_} followed by
 * the base64 of {@code <frontend-api-host>$} (fly-facts §9.4).
 */
public record PublishableKey(String value, String frontendApiHost, boolean development) {

  private static final String TEST = "pk_test_";
  private static final String LIVE = "pk_live_";

  public static PublishableKey development(String frontendApiHost) {
    String encoded = Base64.getEncoder().encodeToString((frontendApiHost + "$").getBytes(StandardCharsets.UTF_8));
    return new PublishableKey(TEST + encoded, frontendApiHost, true);
  }

  /** Parses like {@code @clerk/shared}'s {@code parsePublishableKey}; empty when not a valid key. */
  public static Optional<PublishableKey> parse(String value) {
    if (value == null || !(value.startsWith(TEST) || value.startsWith(LIVE))) return Optional.empty();
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value.substring(TEST.length())), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!decoded.endsWith("$") || decoded.length() < 2 || decoded.indexOf('$') != decoded.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new PublishableKey(value, decoded.substring(0, decoded.length() - 1), value.startsWith(TEST)));
  }

  /** The suffix of the instance's cookies ({@code __session_<suffix>}): base64url(sha1(key)), 8 chars. */
  public String cookieSuffix() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest).replace('+', '-').replace('/', '_').substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
