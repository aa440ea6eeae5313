package io.artifact.e2e.sweep;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.mcp.ControlPlaneAdmin;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.world.TargetPorts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** An {@link OrphanSweep} of the profile's org, through the Fly Machines API. */
public final class Sweeps {

  private Sweeps() {}

  /** For a run that has its target open (the sweep at suite start). */
  public static OrphanSweep of(Profile profile, Target target, Duration olderThan) {
    target.require(Capability.FLY_API);
    FlyPort fly = TargetPorts.fly(target, profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    return sweep(profile, fly, target.endpoint(Target.MCP_ADMIN), olderThan);
  }

  /**
   * For {@code sweep} on its own: only the Machines API and the Fly token are needed (no flyctl, no
   * Clerk key), so a missing token is the one thing it complains about.
   */
  public static OrphanSweep forProfile(Profile profile, Map<String, String> environment, Duration olderThan) {
    String api = profile.optional("endpoint." + Target.MACHINES_API).orElseGet(() -> {
      if (profile.target() == Profile.Target.FLY) return "https://api.machines.dev";
      throw new ProfileException(profile.source() + ": sweep needs endpoint." + Target.MACHINES_API + " (the org's Machines API)");
    });
    String variable = profile.optional("secret." + Target.FLY_API_TOKEN).orElse("FLY_API_TOKEN");
    String token = environment.get(variable);
    if (token == null || token.isBlank()) {
      throw new ProfileException("sweep needs a Fly API token: set " + variable + " (secret." + Target.FLY_API_TOKEN + " in " + profile.source() + ")");
    }
    FlyPort fly = new FlyMachinesRest(api, profile.optional("endpoint." + Target.LOGS_API).orElse(api), token,
        profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    return sweep(profile, fly, profile.optional("endpoint." + Target.MCP_ADMIN), olderThan);
  }

  private static OrphanSweep sweep(Profile profile, FlyPort fly, Optional<String> mcpAdmin, Duration olderThan) {
    return new OrphanSweep(fly, profile.optional("org.slug").orElse("personal"), profile.string("org.prefix"), RunLease.dir(profile),
        RunLease.ttl(profile), olderThan, mcpAdmin.map(ControlPlaneAdmin::new), Clock.systemUTC());
  }
}
