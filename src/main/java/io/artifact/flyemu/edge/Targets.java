package io.artifact.flyemu.edge;

import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the proxy chooses a Machine: any started one (round robin), else autostart a stopped or
 * suspended one and wait for it, bounded (fly-facts.md §8.2); a named instance is started if it
 * sleeps, and is unavailable if it is gone or cannot start.
 */
final class Targets {

  private static final EnumSet<MachineState> SLEEPING = EnumSet.of(MachineState.STOPPED, MachineState.SUSPENDED,
      MachineState.STARTING, MachineState.SUSPENDING, MachineState.STOPPING);
  private static final EnumSet<MachineState> SETTLING_INTO = EnumSet.of(MachineState.SUSPENDED, MachineState.STOPPED,
      MachineState.DESTROYED, MachineState.STARTING, MachineState.STARTED);

  private final Duration autostartTimeout;
  private final AtomicInteger next = new AtomicInteger();

  Targets(Duration autostartTimeout) {
    this.autostartTimeout = autostartTimeout;
  }

  Optional<Machine> any(App app, String except) throws InterruptedException {
    List<Machine> started = app.machines().stream()
        .filter(m -> m.runningProgram() != null && !m.id().equals(except)).toList();
    if (!started.isEmpty()) return Optional.of(started.get(Math.floorMod(next.getAndIncrement(), started.size())));
    for (Machine m : app.machines()) {
      if (!m.id().equals(except) && SLEEPING.contains(m.state()) && wake(m)) return Optional.of(m);
    }
    return Optional.empty();
  }

  Optional<Machine> instance(App app, String id) throws InterruptedException {
    Optional<Machine> m = app.machines().stream().filter(x -> x.id().equals(id)).findFirst();
    if (m.isEmpty()) return Optional.empty();
    if (m.get().runningProgram() != null) return m;
    return SLEEPING.contains(m.get().state()) && wake(m.get()) ? m : Optional.empty();
  }

  private boolean wake(Machine m) throws InterruptedException {
    try {
      // one going to sleep right now (autostop) finishes doing so before it can be started again
      if (m.state() == MachineState.SUSPENDING || m.state() == MachineState.STOPPING) reach(m, SETTLING_INTO);
      m.start();
      reach(m, EnumSet.of(MachineState.STARTED));
      return m.runningProgram() != null;
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private void reach(Machine m, Set<MachineState> states) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<MachineState> reached = m.when(states);
    try {
      reached.get(autostartTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      reached.cancel(false); // a waiter given up on is dropped from the Machine
    }
  }
}
