package io.artifact.flyemu.exec;

/** What an instance file whose software is {@code stopped} makes exec do (stack-contract.md §3.2 step 4, §8 G28). */
@FunctionalInterface
interface StoppedInstances {

  /** The documented exec: its Machine is destroyed in whatever hardware state, and the file removed. */
  StoppedInstances STOP_AND_REMOVE = Reconciling::stopAndRemove;

  /** {@code defect-ignore-stopped}: the Machine keeps running and the file stays. */
  StoppedInstances IGNORE = instance -> false;

  /** Handles one stopped instance; returns whether its file changed. */
  boolean handle(Reconciling instance);
}
