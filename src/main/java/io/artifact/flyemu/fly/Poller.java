package io.artifact.flyemu.fly;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded polling for programs (the router waiting for an instance, exec pinging a booting agent):
 * the {@link Scheduler} times the attempts, the given executor runs them, the caller blocks on the
 * result for at most {@code timeout}. No thread sleeps.
 */
public final class Poller {

  private final Scheduler scheduler;
  private final Executor executor;

  public Poller(Scheduler scheduler, Executor executor) {
    this.scheduler = scheduler;
    this.executor = executor;
  }

  /** Runs {@code check} now and then every {@code interval} until it yields a value or throws. */
  public <T> T await(Duration interval, Duration timeout, Callable<Optional<T>> check)
      throws TimeoutException, InterruptedException, ExecutionException {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable[] attempt = new Runnable[1];
    attempt[0] = () -> {
      if (result.isDone()) return;
      try {
        Optional<T> value = check.call();
        if (value.isPresent()) result.complete(value.get());
        else scheduler.schedule(interval, () -> executor.execute(attempt[0]));
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    };
    executor.execute(attempt[0]);
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      result.cancel(false);
    }
  }
}
