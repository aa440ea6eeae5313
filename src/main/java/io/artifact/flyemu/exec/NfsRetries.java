package io.artifact.flyemu.exec;

import io.artifact.flyemu.fly.Scheduler;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Change notifications exec could not reconcile because the NFS share was away (E2E.md FAULT-050,
 * G20 DOC): retried with exponential backoff from {@code base} (doubling, capped at 16 × base), at
 * most {@code maxAttempts} times, and once more as soon as the mount is back. One chain per
 * computer, whatever the number of notifications, so an outage cannot become a retry storm.
 */
final class NfsRetries {

  private final Scheduler scheduler;
  private final Duration base;
  private final int maxAttempts;
  private final Function<String, CompletableFuture<Integer>> reconcile;
  private final Consumer<String> log;
  /** Deferred computers and the attempts made for each; a computer past the bound waits for the mount. */
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, Scheduler.Task> timers = new HashMap<>();

  NfsRetries(Scheduler scheduler, Duration base, int maxAttempts, Function<String, CompletableFuture<Integer>> reconcile,
      Consumer<String> log) {
    this.scheduler = scheduler;
    this.base = base;
    this.maxAttempts = maxAttempts;
    this.reconcile = reconcile;
    this.log = log;
  }

  /** The computer's change could not be read: retry it later (a no-op while it is already deferred). */
  synchronized void defer(String computer) {
    if (attempts.putIfAbsent(computer, 0) == null) scheduleNext(computer);
  }

  /** The mount is back: every deferred computer now, whatever its attempts. */
  void resumeAll() {
    List<String> due;
    synchronized (this) {
      timers.values().forEach(Scheduler.Task::cancel);
      timers.clear();
      due = List.copyOf(attempts.keySet());
    }
    due.forEach(this::attempt);
  }

  synchronized int deferred() {
    return attempts.size();
  }

  private synchronized void scheduleNext(String computer) {
    Integer done = attempts.get(computer);
    if (done == null) return; // reconciled meanwhile by another attempt
    if (done >= maxAttempts) {
      log.accept(computer + ": NFS still unavailable after " + done + " retries; waiting for the mount to come back");
      return;
    }
    Duration delay = base.multipliedBy(1L << Math.min(done, 4));
    log.accept(computer + ": NFS unavailable; retry " + (done + 1) + "/" + maxAttempts + " in " + delay.toMillis() + " ms");
    timers.put(computer, scheduler.schedule(delay, () -> attempt(computer)));
  }

  private void attempt(String computer) {
    synchronized (this) {
      if (!attempts.containsKey(computer)) return;
      timers.remove(computer);
      attempts.merge(computer, 1, Integer::sum);
    }
    reconcile.apply(computer).whenComplete((count, failure) -> {
      Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
      if (cause instanceof NfsUnavailableException) {
        scheduleNext(computer);
        return;
      }
      synchronized (this) {
        attempts.remove(computer);
      }
      log.accept(computer + (cause == null ? ": reconciled after the NFS outage (changeCount " + count + ")"
          : ": reconcile after the NFS outage failed: " + cause.getMessage()));
    });
  }
}
