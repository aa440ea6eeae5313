package io.artifact.e2e.target;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import java.util.EnumSet;
import java.util.Set;

/** Opens the target a profile names ({@code target=embedded|external|fly}). */
public final class Targets {

  private Targets() {}

  public static Target open(Profile profile) {
    Set<Capability> withheld = withheld(profile);
    Target target = switch (profile.target()) {
      case EMBEDDED -> EmbeddedTargets.start(profile);
      case EXTERNAL -> ExternalTargets.from(profile);
      case FLY -> FlyTargets.from(profile);
    };
    return target.withholding(withheld);
  }

  /** {@code capabilities.withhold=faults:boot-kill, mcp-admin}: validated before anything starts. */
  static Set<Capability> withheld(Profile profile) {
    Set<Capability> out = EnumSet.noneOf(Capability.class);
    for (String id : profile.optional("capabilities.withhold").orElse("").split(",")) {
      if (id.isBlank()) continue;
      try {
        out.add(Capability.byId(id.trim()));
      } catch (IllegalArgumentException e) {
        throw new ProfileException(profile.source() + ": capabilities.withhold: " + e.getMessage());
      }
    }
    return out;
  }

  static ProfileException unreachable(Profile p, String key, String value, String why) {
    return new ProfileException(p.source() + ": " + key + "=" + value + " does not answer (" + why + ")");
  }
}
