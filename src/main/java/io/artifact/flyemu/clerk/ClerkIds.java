package io.artifact.flyemu.clerk;

import java.security.SecureRandom;

/** Clerk-shaped identifiers: a type prefix and 27 base62 characters ({@code user_2abc…}). */
final class ClerkIds {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClerkIds() {}

  static String next(String prefix) {
    return prefix + "_" + random(27);
  }

  /** A numeric id like a provider's user id ({@code 5839212}), never starting with 0. */
  static String digits(int length) {
    StringBuilder s = new StringBuilder(length).append(1 + RANDOM.nextInt(9));
    for (int i = 1; i < length; i++) s.append(RANDOM.nextInt(10));
    return s.toString();
  }

  static String random(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) s.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    return s.toString();
  }
}
