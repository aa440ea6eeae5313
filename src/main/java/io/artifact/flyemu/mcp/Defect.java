package io.artifact.flyemu.mcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Known-defective control-plane variants ({@code mcp.defect=...}), each of which a CONTROL-040
 * scenario must catch.
 */
public enum Defect {
  NONE,
  REVOKED_TOKEN_ACCEPTED,
  NO_AUDIT,
  ENSURE_APP_NOT_IDEMPOTENT,
  /** fly.run runs any command flyctl knows, off the allow-list too (machine destroy). */
  RUN_ANY_COMMAND,
  /** Answers and refusals repeat the call's arguments, secret values included. */
  ECHOES_SECRETS;

  public static Defect parse(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) return NONE;
    String key = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(d -> d.name().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown mcp.defect '" + value + "'; known: "
            + Arrays.stream(values()).map(Defect::wire).collect(Collectors.joining(", "))));
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
