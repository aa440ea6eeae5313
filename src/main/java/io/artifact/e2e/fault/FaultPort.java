package io.artifact.e2e.fault;

/**
 * Faults Fly itself cannot inject (capability {@code faults:boot-kill}), on an emulator's admin
 * surface. Targets without one skip the scenarios that need it; Fly-level faults (stop, env,
 * secrets) are {@link FlyFaults} and run wherever the Fly API does.
 */
public interface FaultPort {

  /** The next Machine of {@code app} labelled with the computer dies while it boots. */
  void killDuringNextBoot(String app, String computer);

  /** Kills a Machine's main process now (a crash, not a stop). */
  void kill(String app, String machineId);

  /** Disarms whatever is still armed for the app. */
  void clear(String app);
}
