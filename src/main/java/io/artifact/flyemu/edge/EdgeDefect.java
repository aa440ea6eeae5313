package io.artifact.flyemu.edge;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Known-defective variants of the edge ({@code stack.edge.defect=...}), each of which a scenario
 * must catch: {@code never-suspend} is a proxy that starts Machines but never puts an idle one to
 * sleep, whatever its services ask (WORKER-020).
 */
public enum EdgeDefect {
  NONE,
  NEVER_SUSPEND;

  public static EdgeDefect parse(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) return NONE;
    String key = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(d -> d.name().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown edge.defect '" + value + "'; known: "
            + Arrays.stream(values()).map(EdgeDefect::wire).collect(Collectors.joining(", "))));
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
