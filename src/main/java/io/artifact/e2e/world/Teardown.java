package io.artifact.e2e.world;

import io.artifact.e2e.fly.FlyPort;
import java.util.function.Supplier;

/**
 * Undo actions that cannot hurt a shared org: each looks again, at teardown, whether the resource
 * still carries this run's label, and leaves it alone (reported) when it does not.
 */
public final class Teardown {

  private Teardown() {}

  /** Registers the destruction of an app this run has just created (never before the create succeeded). */
  public static void destroyAppLater(CleanupLedger ledger, OrgSlice slice, Supplier<FlyPort> fly, String app) {
    ledger.register("destroy app " + app, () -> {
      if (!slice.createdByThisRun(app)) {
        throw new CleanupLedger.LeftAlone("app " + app + " does not carry this run's label (-e2e-" + slice.runId() + "); left alone");
      }
      fly.get().destroyApp(app);
    });
  }
}
