package io.artifact.flyemu;

import java.time.Duration;
import java.util.Locale;

/** Durations in profile values: {@code 60s}, {@code 500ms}, {@code 5m}, or ISO-8601 ({@code PT1M}). */
public final class Durations {

  private Durations() {}

  public static Duration parse(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt")) return Duration.parse(v.toUpperCase(Locale.ROOT));
      if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      return Duration.ofSeconds(Long.parseLong(v));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " is not a duration: '" + value + "' (use e.g. 60s, 500ms, 5m, PT1M)", e);
    }
  }
}
