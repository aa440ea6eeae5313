package io.artifact.e2e.strategy;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.world.OrgSlice;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a strategy sees of the run: the profile, the target, the run id, the Fly API (opened on first
 * use) and where it notes what it did (the run record, {@code <manifest.dir>/run-<runid>.json}).
 */
public record RunScope(Profile profile, Target target, String runId, Supplier<FlyPort> fly, Consumer<String> notes) {

  /** The org's long-lived slice (staging, hybrid): the org prefix as it is. */
  public OrgSlice sharedSlice() {
    return OrgSlice.of(profile, runId);
  }
}
