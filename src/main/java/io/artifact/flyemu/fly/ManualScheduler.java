package io.artifact.flyemu.fly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose clock only moves when a test says so; tasks run on the caller's thread. */
public final class ManualScheduler implements Scheduler {

  private final class Pending implements Task {
    final Instant due;
    final long seq;
    final Runnable action;
    boolean cancelled;

    Pending(Instant due, long seq, Runnable action) {
      this.due = due;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public void cancel() {
      synchronized (ManualScheduler.this) {
        cancelled = true;
      }
    }
  }

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private long seq;
  private final List<Pending> pending = new ArrayList<>();

  @Override
  public synchronized Task schedule(Duration delay, Runnable action) {
    Pending p = new Pending(now.plus(delay), seq++, action);
    pending.add(p);
    return p;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Moves the clock forward, running every task that falls due, in order. */
  public void advance(Duration by) {
    Instant target;
    synchronized (this) {
      target = now.plus(by);
    }
    while (true) {
      Pending next;
      synchronized (this) {
        next = pending.stream().filter(p -> !p.cancelled && !p.due.isAfter(target))
            .min(Comparator.comparing((Pending p) -> p.due).thenComparingLong(p -> p.seq)).orElse(null);
        if (next == null) {
          now = target;
          pending.removeIf(p -> p.cancelled);
          return;
        }
        pending.remove(next);
        if (next.due.isAfter(now)) now = next.due;
      }
      next.action.run();
    }
  }

  /** Runs whatever is due now (zero-delay tasks). */
  public void runDue() {
    advance(Duration.ZERO);
  }
}
