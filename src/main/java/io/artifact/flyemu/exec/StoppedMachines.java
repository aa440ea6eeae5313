package io.artifact.flyemu.exec;

/**
 * What exec does with a {@code running} instance whose Machine was stopped behind its back, losing
 * the agent loaded in its memory (WORKER-020, stack-contract.md §8 G14).
 */
@FunctionalInterface
interface StoppedMachines {

  /** The documented exec: start the same Machine again and reload the agent before the router replays to it. */
  StoppedMachines REHYDRATE = Reconciling::rehydrate;

  /** {@code defect-no-rehydrate} and {@code impl} (G14 IMPL): the file stays {@code running} and replays meet a stopped Machine. */
  StoppedMachines LEAVE = instance -> false;

  /** Handles one such instance; returns whether its file changed. */
  boolean handle(Reconciling instance);
}
