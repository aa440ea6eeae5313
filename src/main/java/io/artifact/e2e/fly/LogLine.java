package io.artifact.e2e.fly;

/** One log line in the fields {@code fly logs} prints. */
public record LogLine(String timestamp, String instance, String region, String level, String message) {

  @Override
  public String toString() {
    return timestamp + " app[" + instance + "] " + region + " [" + level + "] " + message;
  }
}
