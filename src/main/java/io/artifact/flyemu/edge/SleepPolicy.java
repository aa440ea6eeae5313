package io.artifact.flyemu.edge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Machine's own {@code services} ask of the proxy when it idles (fly-facts.md §3, §8.1): the
 * proxy reads each Machine's config, so a setting reaches a Machine only through it. {@code autostop}
 * arrives as {@code "off"|"stop"|"suspend"} or {@code false|true}; absent means off (the proxy then
 * starts Machines but never stops them). The strongest ask wins: any service asking suspend makes the
 * Machine suspend, else any asking stop makes it stop. The floor is the largest
 * {@code min_machines_running}.
 */
record SleepPolicy(Mode mode, int minRunning) {

  enum Mode { OFF, STOP, SUSPEND }

  static SleepPolicy of(JsonNode config) {
    Mode mode = Mode.OFF;
    int min = 0;
    for (JsonNode service : config.path("services")) {
      Mode m = mode(service.path("autostop"));
      if (m.compareTo(mode) > 0) mode = m;
      min = Math.max(min, service.path("min_machines_running").asInt(0));
    }
    return new SleepPolicy(mode, min);
  }

  boolean sleeps() {
    return mode != Mode.OFF;
  }

  /**
   * Whether a suspend can keep this Machine's memory (fly-facts.md §8.3): at most 2 GB, no swap, no
   * schedule, no GPU. Otherwise {@code autostop=suspend} does a full stop.
   */
  static boolean suspendable(JsonNode config) {
    JsonNode guest = config.path("guest");
    return guest.path("memory_mb").asInt(256) <= 2048 && config.path("init").path("swap_size_mb").asInt(0) <= 0
        && config.path("schedule").asText("").isEmpty() && guest.path("gpus").asInt(0) == 0 && guest.path("gpu_kind").asText("").isEmpty();
  }

  private static Mode mode(JsonNode autostop) {
    if (autostop.isBoolean()) return autostop.asBoolean() ? Mode.STOP : Mode.OFF;
    return switch (autostop.asText("off")) {
      case "suspend" -> Mode.SUSPEND;
      case "stop", "true" -> Mode.STOP;
      default -> Mode.OFF;
    };
  }
}
