package io.artifact.flyemu.router;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.fly.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The router's kick to exec under network faults (DOC of this suite; stack-contract.md §2.6 step 3a
 * says only that a non-2xx kick fails the request): a kick that fails on the way — no answer (reset,
 * dropped, timed out) or the network's 502/503/504 — is tried again after a backoff that doubles
 * ({@code DC_EXEC_KICK_BACKOFF_MS}, 100 ms) up to {@code DC_EXEC_KICK_ATTEMPTS} (5) attempts, all
 * inside the caller's bound; each attempt may be bounded on its own ({@code DC_EXEC_KICK_TIMEOUT_MS},
 * default the rest of the bound). Every retry is logged. When none got through: a clear 503 with
 * {@code retry-after}, never a hang. Exec's own refusals (500, 404) are not retried.
 */
final class KickRetry implements ExecPort {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private final ExecPort exec;
  private final Scheduler scheduler;
  private final Consumer<String> log;
  private final int attempts;
  private final Duration backoff;
  private final Duration attemptTimeout;

  KickRetry(ExecPort exec, Scheduler scheduler, Consumer<String> log, int attempts, Duration backoff, Duration attemptTimeout) {
    this.exec = exec;
    this.scheduler = scheduler;
    this.log = log;
    this.attempts = Math.max(1, attempts);
    this.backoff = backoff;
    this.attemptTimeout = attemptTimeout;
  }

  static KickRetry from(ExecPort exec, AppRuntime rt) {
    return new KickRetry(exec, rt.scheduler(), rt::logError, rt.env("DC_EXEC_KICK_ATTEMPTS").map(Integer::parseInt).orElse(5),
        Duration.ofMillis(rt.env("DC_EXEC_KICK_BACKOFF_MS").map(Long::parseLong).orElse(100L)),
        rt.env("DC_EXEC_KICK_TIMEOUT_MS").map(Long::parseLong).map(Duration::ofMillis).orElse(null));
  }

  @Override
  public void kick(String computer, Duration timeout) {
    Instant start = scheduler.now();
    Instant deadline = start.plus(timeout);
    Duration wait = backoff;
    for (int attempt = 1; ; attempt++) {
      Duration left = Duration.between(scheduler.now(), deadline);
      try {
        exec.kick(computer, attemptTimeout == null || attemptTimeout.compareTo(left) > 0 ? left : attemptTimeout);
        if (attempt > 1) log.accept("kick to exec for " + computer + " got through on attempt " + attempt);
        return;
      } catch (ExecUnavailableException e) {
        if (!transient_(e)) throw e;
        boolean last = attempt >= attempts || Duration.between(scheduler.now(), deadline).compareTo(wait) <= 0;
        if (last) {
          String why = "exec unreachable: kick for " + computer + " failed " + attempt + " time(s) in "
              + Duration.between(start, scheduler.now()).toMillis() + " ms (" + e.getMessage() + "); retry shortly";
          log.accept(why);
          throw new ExecUnavailableException(why, 503);
        }
        log.accept("kick to exec for " + computer + " failed (attempt " + attempt + "/" + attempts + ": " + e.getMessage()
            + "); retrying in " + wait.toMillis() + " ms");
        pause(wait);
        wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
      }
    }
  }

  @Override
  public void notify(String computer) {
    exec.notify(computer);
  }

  /** Failures of the way there, not exec's answer: no answer at all, or the network's gateway statuses. */
  private static boolean transient_(ExecUnavailableException e) {
    return e.status() == 0 || e.status() == 502 || e.status() == 503 || e.status() == 504;
  }

  /** Scheduled, not slept: the platform's clock drives it (and a test's manual one). */
  private void pause(Duration d) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.schedule(d, () -> done.complete(null));
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecUnavailableException("interrupted while backing off before the next kick", 503);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
