package io.artifact.e2e.world;

import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Undo actions that cannot hurt a shared org: each looks again, at teardown, whether the resource
 * still carries this run's label, and leaves it alone (reported) when it does not.
 */
public final class Teardown {

  private Teardown() {}

  /** Registers the destruction of an app this run has just created (never before the create succeeded). */
  public static void destroyAppLater(CleanupLedger ledger, OrgSlice slice, Supplier<FlyPort> fly, String app) {
    ledger.register(destroyApp(app), () -> {
      if (!slice.createdByThisRun(app)) {
        throw new CleanupLedger.LeftAlone("app " + app + " does not carry this run's label (-e2e-" + slice.runId() + "); left alone");
      }
      fly.get().destroyApp(app);
      // Fly destroys an app's Machines and volumes with it; confirm it is gone before the manifest says destroyed
      if (fly.get().findApp(app).isPresent()) throw new IllegalStateException("app " + app + " is still listed after its destruction");
    });
  }

  /**
   * Will this teardown still destroy the app (and with it its Machines and volumes)? True for a
   * slice the scenario created itself, so undos inside it need not take its contents apart first.
   */
  public static boolean willDestroyApp(CleanupLedger ledger, OrgSlice slice, String app) {
    return slice.createdByThisRun(app) && ledger.pending().contains(destroyApp(app));
  }

  private static String destroyApp(String app) {
    return "destroy app " + app;
  }

  /**
   * Registers the destruction of a Machine this run has just created in an app it may not own (a
   * shared worker pool). At teardown it is destroyed only if it still exists and carries
   * {@code e2e_run=<runid>} in its metadata; one the scenario already destroyed is fine.
   */
  public static void destroyMachineLater(CleanupLedger ledger, OrgSlice slice, Supplier<FlyPort> fly, String app, String machineId,
      Duration bound) {
    ledger.register("destroy Machine " + machineId + " of " + app + " if it is still there", () -> {
      MachineInfo m;
      try {
        m = fly.get().machine(app, machineId);
      } catch (FlyApiException e) {
        if (e.status() == 404) return;
        throw e;
      }
      if (m == null || m.state().equals("destroyed") || m.state().equals("destroying")) return;
      if (!slice.run().equals(m.metadata().get(OrgSlice.RUN_LABEL)) || !slice.prefix().equals(m.metadata().get(OrgSlice.SLICE_LABEL))) {
        throw new CleanupLedger.LeftAlone("Machine " + machineId + " of " + app + " does not carry " + OrgSlice.RUN_LABEL + "=" + slice.run()
            + " and " + OrgSlice.SLICE_LABEL + "=" + slice.prefix() + "; left alone");
      }
      fly.get().destroyMachine(app, machineId, true);
      fly.get().awaitState(app, machineId, "destroyed", bound);
    });
  }
}
