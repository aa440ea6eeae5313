package io.artifact.flyemu.exec;

/**
 * The instance file a reconcile pass is at, as the pass's strategies ({@link FailedBoots},
 * {@link StoppedInstances}, {@link StoppedMachines}) see it: the documented steps they may take on
 * it. {@link Reconciler} implements them; a strategy only chooses which to take.
 */
interface Reconciling {

  /** {@code computer/agent}: names the instance in every log line about it. */
  String key();

  /** Logs {@code key: message}. */
  void log(String message);

  /** Destroys what is left of its Machine and writes the file back to {@code queued}, without one. */
  void requeue();

  /** Schedules another pass over its computer after the retry backoff. */
  void retryLater();

  /** Destroys its Machine, whatever the hardware state, and removes the file (G28 DOC); returns whether the file changed. */
  boolean stopAndRemove();

  /** Starts its stopped Machine again and reloads the agent in it (G14 DOC); returns whether the file changed. */
  boolean rehydrate();
}
