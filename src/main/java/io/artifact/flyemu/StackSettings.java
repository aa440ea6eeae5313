package io.artifact.flyemu;

import java.time.Duration;
import java.util.Map;

/**
 * Timings and credentials of the embedded stack, taken from the profile ({@code env/local.properties}).
 * Boot delays are per image name; everything time-based is real, only short.
 */
public record StackSettings(
    Map<String, Duration> bootDelays,
    Duration defaultBootDelay,
    Duration stopDelay,
    Duration resumeDelay,
    Duration reapAfter,
    Duration autostartTimeout,
    String flyToken,
    Map<String, String> extra) {

  public static StackSettings defaults(String token) {
    return new StackSettings(Map.of(), Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(10),
        Duration.ofSeconds(2), Duration.ofSeconds(10), token, Map.of());
  }

  public String extra(String key, String fallback) {
    return extra.getOrDefault(key, fallback);
  }
}
