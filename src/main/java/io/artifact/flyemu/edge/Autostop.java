package io.artifact.flyemu.edge;

import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.PlatformException;
import io.artifact.flyemu.fly.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fly Proxy's autostop loop (fly-facts.md §8.2): each pass, per app and region, puts at most one
 * started Machine to sleep — one whose services ask for it ({@link SleepPolicy}) and that has had no
 * request for the idle window — suspended if it asked for that and can be (§8.3), else stopped,
 * never leaving fewer than {@code min_machines_running} started. It never creates or destroys.
 * Fly runs a pass every few minutes; here every quarter of the idle window ({@code stack.idle-window}).
 */
final class Autostop {

  private final FlyPlatform fly;
  private final Duration idleWindow;
  private final Duration every;
  private volatile boolean closed;
  private volatile Scheduler.Task next;

  Autostop(FlyPlatform fly, Duration idleWindow) {
    this.fly = fly;
    this.idleWindow = idleWindow;
    this.every = Duration.ofMillis(Math.max(10, idleWindow.toMillis() / 4));
  }

  void start() {
    next = fly.scheduler().schedule(every, this::tick);
  }

  void close() {
    closed = true;
    Scheduler.Task t = next;
    if (t != null) t.cancel();
  }

  private void tick() {
    if (closed) return;
    try {
      pass();
    } finally {
      if (!closed) next = fly.scheduler().schedule(every, this::tick);
    }
  }

  /** One pass over every app. */
  void pass() {
    Instant cutoff = fly.scheduler().now().minus(idleWindow);
    for (App app : fly.apps(null)) {
      Map<String, List<Machine>> startedByRegion = app.machines().stream()
          .filter(m -> m.state() == MachineState.STARTED).collect(Collectors.groupingBy(Machine::region));
      startedByRegion.values().forEach(started -> sleepOne(app, started, cutoff));
    }
  }

  private void sleepOne(App app, List<Machine> started, Instant cutoff) {
    for (Machine m : started) {
      SleepPolicy policy = SleepPolicy.of(m.config());
      if (!policy.sleeps() || started.size() <= policy.minRunning()) continue;
      boolean suspend = policy.mode() == SleepPolicy.Mode.SUSPEND && SleepPolicy.suspendable(m.config());
      try {
        if (fly.load().ifIdleSince(m, cutoff, suspend ? m::suspend : m::stop)) {
          fly.proxyLog(m, "App " + app.name() + " has excess capacity, " + (suspend ? "autosuspending" : "autostopping") + " machine "
              + m.id() + ". " + (started.size() - 1) + " out of " + started.size() + " machines left running (region=" + m.region() + ")");
          return;
        }
      } catch (PlatformException e) {
        // it changed state since the listing (stopped, destroyed): the next pass looks again
      }
    }
  }
}
