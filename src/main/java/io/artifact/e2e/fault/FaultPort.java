package io.artifact.e2e.fault;

/**
 * Faults Fly itself cannot inject, on the embedded stack's emulator-only admin surface. Real
 * targets have no implementation: scenarios using it are tagged {@code @local-only}.
 */
public interface FaultPort {

  /** The next Machine of {@code app} labelled with the computer dies while it boots. */
  void killDuringNextBoot(String app, String computer);

  /** Kills a Machine's main process now (a crash, not a stop). */
  void kill(String app, String machineId);

  /** Disarms whatever is still armed for the app. */
  void clear(String app);
}
