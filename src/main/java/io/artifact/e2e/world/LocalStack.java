package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackComponent;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.clerk.LocalClerk;
import io.artifact.flyemu.edge.Edge;
import io.artifact.flyemu.emulator.EmulatorAdmin;
import io.artifact.flyemu.fly.Ids;
import io.artifact.flyemu.mcp.ControlPlane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the embedded stack a profile describes: timings from {@code stack.*}, components in start order. */
public final class LocalStack {

  private LocalStack() {}

  public static EmbeddedStack start(Profile profile) {
    return EmbeddedStack.start(settings(profile), components(profile));
  }

  public static StackSettings settings(Profile profile) {
    Map<String, Duration> boot = new LinkedHashMap<>();
    profile.section("stack.boot-delay.").keySet().stream().filter(k -> !k.equals("default"))
        .forEach(k -> boot.put(k, profile.duration("stack.boot-delay." + k)));
    return new StackSettings(boot,
        profile.optionalDuration("stack.boot-delay.default").orElse(Duration.ofMillis(50)),
        profile.optionalDuration("stack.stop-delay").orElse(Duration.ofMillis(10)),
        profile.optionalDuration("stack.resume-delay").orElse(Duration.ofMillis(10)),
        profile.optionalDuration("stack.reap-after").orElse(Duration.ofSeconds(2)),
        profile.optionalDuration("stack.autostart-timeout").orElse(Duration.ofSeconds(10)),
        "e2e_local_" + Ids.hex(16),
        profile.section("stack."));
  }

  /** Components beyond the platform, in start order (edge, Clerk, control plane as they land). */
  static List<StackComponent> components(Profile profile) {
    List<StackComponent> components = new ArrayList<>();
    components.add(new LocalClerk(LocalClerk.Settings.from(settings(profile))));
    components.add(new Edge());
    components.add(new EmulatorAdmin());
    components.add(new ControlPlane());
    return components;
  }
}
