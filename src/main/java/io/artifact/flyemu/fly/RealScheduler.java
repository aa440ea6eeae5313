package io.artifact.flyemu.fly;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Wall-clock scheduler on a small daemon pool; tasks must not block for long. */
public final class RealScheduler implements Scheduler, AutoCloseable {

  private final ScheduledExecutorService pool;

  public RealScheduler(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newScheduledThreadPool(threads, r -> {
      Thread t = new Thread(r, "e2e-scheduler-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Task schedule(Duration delay, Runnable action) {
    Runnable guarded = () -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        // A failing task must not kill the pool thread; the task logs its own domain failures.
        System.getLogger("e2e.scheduler").log(System.Logger.Level.WARNING, "scheduled task failed", e);
      }
    };
    ScheduledFuture<?> f = pool.schedule(guarded, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
