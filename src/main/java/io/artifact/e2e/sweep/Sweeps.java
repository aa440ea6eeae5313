package io.artifact.e2e.sweep;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.mcp.ControlPlaneAdmin;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.world.TargetPorts;
import java.time.Clock;
import java.time.Duration;

/** An {@link OrphanSweep} of the profile's org, through the target's Fly API. */
public final class Sweeps {

  private Sweeps() {}

  public static OrphanSweep of(Profile profile, Target target, Duration olderThan) {
    if (!target.offers(Capability.FLY_API)) {
      String variable = profile.optional("secret.fly_api_token").orElse("FLY_API_TOKEN");
      throw new ProfileException("sweep needs the Fly API and its token: " + target.describe() + " has none (set " + variable
          + ", named by secret.fly_api_token in " + profile.source() + ")");
    }
    var fly = TargetPorts.fly(target, profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    var admin = target.endpoint(Target.MCP_ADMIN).map(ControlPlaneAdmin::new);
    return new OrphanSweep(fly, profile.optional("org.slug").orElse("personal"), profile.string("org.prefix"), RunLease.dir(profile),
        RunLease.ttl(profile), olderThan, admin, Clock.systemUTC());
  }
}
