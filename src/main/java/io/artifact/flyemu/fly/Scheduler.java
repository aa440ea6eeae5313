package io.artifact.flyemu.fly;

import java.time.Duration;
import java.time.Instant;

/**
 * Time for the embedded platform: boot delays, idle windows and reaping are scheduled, never
 * slept. Production uses {@link RealScheduler}; unit tests drive a {@link ManualScheduler}.
 */
public interface Scheduler {

  /** A scheduled task that can be cancelled. */
  interface Task {
    void cancel();
  }

  Task schedule(Duration delay, Runnable action);

  Instant now();
}
