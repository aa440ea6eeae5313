package io.artifact.flyemu.mcp;

import io.artifact.flyemu.StackSettings;
import java.util.Arrays;
import java.util.List;

/**
 * How the control plane is configured from the profile's {@code mcp.*} keys: the org-prefix
 * allow-list every app must match, the org slug and user of the local org token, the port (0 =
 * random) and an optional defect variant.
 */
public record ControlPlaneSettings(List<String> allowedPrefixes, String org, String user, int port, Defect defect) {

  public static ControlPlaneSettings from(StackSettings s) {
    return new ControlPlaneSettings(
        Arrays.stream(s.extra("mcp.allowed-prefixes", "org").split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList(),
        s.extra("mcp.org", "personal"),
        s.extra("mcp.user", "operator@local"),
        Integer.parseInt(s.extra("mcp.port", "0")),
        Defect.parse(s.extra("mcp.defect", "none")));
  }

  public static ControlPlaneSettings defaults() {
    return new ControlPlaneSettings(List.of("org"), "personal", "operator@local", 0, Defect.NONE);
  }

  public ControlPlaneSettings withDefect(Defect d) {
    return new ControlPlaneSettings(allowedPrefixes, org, user, port, d);
  }
}
