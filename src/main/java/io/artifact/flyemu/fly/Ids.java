package io.artifact.flyemu.fly;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifiers in Fly's shapes: 14-hex Machine ids, 26-char version ids, 6PN addresses. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private Ids() {}

  public static String machineId() {
    return hex(7);
  }

  public static String volumeId() {
    return "vol_" + hex(8);
  }

  public static String version() {
    StringBuilder sb = new StringBuilder(26);
    for (int i = 0; i < 26; i++) sb.append(CROCKFORD.charAt(RANDOM.nextInt(32)));
    return sb.toString();
  }

  public static String privateIp() {
    return "fdaa:0:18:a7b:" + hex(1) + ":" + hex(2) + ":" + hex(2) + ":2";
  }

  public static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Fly shows secret digests, never values: a short stable hash. */
  public static String digest(String value) {
    return sha256(value).substring(0, 16);
  }

  /** The full SHA-256 of a string, in hex (an image digest's shape). */
  public static String sha256(String value) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String[] ADJECTIVES = {"aged", "bold", "calm", "dark", "eager", "fancy", "gentle", "holy", "icy", "jolly", "late", "misty", "noisy", "odd", "proud", "quiet", "red", "shy", "tiny", "wild"};
  private static final String[] NOUNS = {"wind", "sea", "moon", "field", "river", "snow", "leaf", "dust", "star", "wave", "cloud", "frost", "bird", "brook", "pine", "rain"};

  /** Fly-style generated Machine names such as {@code aged-wind-2649}. */
  public static String machineName() {
    return ADJECTIVES[RANDOM.nextInt(ADJECTIVES.length)] + "-" + NOUNS[RANDOM.nextInt(NOUNS.length)] + "-" + (1000 + RANDOM.nextInt(9000));
  }
}
