package io.artifact.e2e.target;

import io.artifact.e2e.config.Profile;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code embedded} factory, and the only suite class that knows the emulator exists: it starts
 * the stack with the profile's timings and hands back the same record {@code stack up} prints.
 * From there on the suite talks to the emulator as to any stack, over its endpoints.
 */
public final class EmbeddedTargets {

  private EmbeddedTargets() {}

  public static Target start(Profile profile) {
    EmbeddedStack stack = EmbeddedStack.startStandard(settings(profile));
    try {
      Map<String, String> endpoints = new LinkedHashMap<>(stack.endpoints());
      // the NFS share is <volume>/computers (stack-contract.md §1.1); which volume is the slice's to say
      endpoints.put(Target.NFS_ROOT, stack.volumesDir().resolve(ExternalTargets.VOLUME).resolve("computers").toString());
      Map<String, String> tokens = stack.tokens();
      Target target = new Target("embedded", profile.name(), endpoints, tokens, Capabilities.derive(endpoints, tokens));
      target.own(stack);
      return target;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  static StackSettings settings(Profile profile) {
    Map<String, Duration> boot = new LinkedHashMap<>();
    profile.section("stack.boot-delay.").keySet().stream().filter(k -> !k.equals("default"))
        .forEach(k -> boot.put(k, profile.duration("stack.boot-delay." + k)));
    byte[] token = new byte[16];
    new SecureRandom().nextBytes(token);
    return new StackSettings(boot,
        profile.optionalDuration("stack.boot-delay.default").orElse(Duration.ofMillis(50)),
        profile.optionalDuration("stack.stop-delay").orElse(Duration.ofMillis(10)),
        profile.optionalDuration("stack.resume-delay").orElse(Duration.ofMillis(10)),
        profile.optionalDuration("stack.reap-after").orElse(Duration.ofSeconds(2)),
        profile.optionalDuration("stack.autostart-timeout").orElse(Duration.ofSeconds(10)),
        "e2e_local_" + HexFormat.of().formatHex(token),
        profile.section("stack."));
  }
}
