package io.artifact.flyemu.router;

import io.artifact.flyemu.fly.Poller;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The agent host's work before the replay (stack-contract.md §2.6, DOC): make sure the agent has
 * an instance file (queued, with a snapshot of the newest valid release; exec has the last word on
 * which release a Machine gets, §5 DOC), notify exec, then wait — bounded
 * — until the file says {@code running} with a Machine id. If exec removes the file meanwhile
 * (its Machine vanished), the agent is queued again: the "rehydrate on the next router signal" of
 * WORKER-020.
 */
final class AgentLanding {

  private static final Duration POLL = Duration.ofMillis(10);
  private static final int REQUEUES = 2;

  /** One look at the instance file while waiting. */
  private record Seen(String machineId, boolean missing) {}

  private final ComputerStore store;
  private final ExecPort exec;
  private final Poller poller;
  private final RouterSettings settings;

  AgentLanding(ComputerStore store, ExecPort exec, Poller poller, RouterSettings settings) {
    this.store = store;
    this.exec = exec;
    this.poller = poller;
    this.settings = settings;
  }

  /** The worker Machine serving the agent, once its instance runs. */
  String land(String computer, String agent) throws InterruptedException {
    Instant deadline = Instant.now().plus(settings.instanceWait());
    for (int round = 0; round <= REQUEUES; round++) {
      queueIfAbsent(computer, agent);
      exec.kick(computer, remaining(deadline));
      Seen seen = await(computer, agent, deadline);
      if (!seen.missing()) return seen.machineId();
    }
    throw new InstanceTimeoutException("Instance of " + agent + " kept disappearing while starting");
  }

  private void queueIfAbsent(String computer, String agent) {
    if (store.instances().read(computer, agent).isEmpty()) {
      store.instances().write(computer, agent, Instance.queued(store.images().current(settings.imageRecord())));
    }
  }

  private Seen await(String computer, String agent, Instant deadline) throws InterruptedException {
    try {
      return poller.await(POLL, remaining(deadline), () -> look(computer, agent));
    } catch (TimeoutException e) {
      throw new InstanceTimeoutException("Instance did not start within " + settings.instanceWait().toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  private Optional<Seen> look(String computer, String agent) {
    Optional<Instance> i = store.instances().read(computer, agent);
    if (i.isEmpty()) return Optional.of(new Seen(null, true));
    if (i.get().hardware() != Instance.Hardware.RUNNING) return Optional.empty();
    if (i.get().machineId() == null) throw new IllegalStateException("Instance is running but does not have a machine id");
    return Optional.of(new Seen(i.get().machineId(), false));
  }

  private static Duration remaining(Instant deadline) {
    Duration d = Duration.between(Instant.now(), deadline);
    if (d.isNegative() || d.isZero()) throw new InstanceTimeoutException("Instance did not start in time");
    return d;
  }
}
