package io.artifact.e2e.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.InstanceHistory;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.world.ScenarioWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * WORKER-020 as ops walk it: a signed-in user lands on their agent; the worker Machine serving it is
 * then left idle or stopped behind the stack's back, while its instance file is watched (history
 * attached); then the user comes back, and Fly's own Machine states say what slept and what woke.
 */
public final class HibernationJourney {

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private IngressJourney.Landing first;
  private String agentHost;
  private InstanceHistory history;

  public HibernationJourney(ScenarioWorld world, IngressJourney ingress) {
    this.world = world;
    this.ingress = ingress;
  }

  /** The user's first visit; on landing, the agent's Machine is remembered and its instance file watched. */
  public IngressJourney.Landing landOnAgent(String name) {
    ingress.openBaseDomain(ingress.signedInBrowser(name));
    if (ingress.lastAnswer().status() != 200) {
      throw new AssertionError(name + "'s first visit ended with " + ingress.lastAnswer().status() + " at " + ingress.lastAnswer().url());
    }
    first = ingress.landing();
    agentHost = ingress.lastHost();
    history = new InstanceHistory(world.nfs(), first.computer(), first.agent(), world.profile().duration("timeouts.poll"));
    world.cleanup().register("attach the instance file history of " + first.agent(), () -> {
      history.close();
      world.evidence().text("instance-file-history.txt", history.report());
    });
    world.manifest().put("worker_machine", first.machineId());
    return first;
  }

  /** The agent's worker Machine as Fly reports it now (recorded as evidence under {@code label}). */
  public MachineInfo machine(String label) {
    MachineInfo m = world.fly().machine(world.slice().workerPoolApp(), first.machineId());
    world.evidence().machines("worker-machine", label, m.raw());
    return m;
  }

  /**
   * Whether Fly reports the serving Machine started when it served the page: started now, or suspended by
   * the edge only after the visit ended — its newest event (Fly lists them newest first, in unix ms) a
   * suspend later than the visit's last answer. A short idle window (1 s locally) can pass between the
   * visit and this look on a loaded machine; a Machine suspended before it answered would not qualify.
   */
  public boolean startedWhenItServed(Instant visitEnded) {
    MachineInfo m = machine("serving");
    if (m.started()) return true;
    JsonNode newest = m.raw().path("events").path(0);
    return newest.path("type").asText().equals("suspend") && newest.path("timestamp").asLong() >= visitEnded.toEpochMilli();
  }

  /** Nobody visits: the idle window starts now; what Fly reports at its start is evidence. */
  public void leaveIdle() {
    machine("left-idle");
  }

  /** Waits, bounded by the idle window (plus the usual await slack), until Fly reports the Machine in its idle state. */
  public MachineInfo awaitIdleState() {
    Pattern idle = world.contract().pattern(Contract.WORKER_IDLE_STATE);
    Duration bound = world.profile().duration("timeouts.idle-window").plus(world.profile().duration("timeouts.await"));
    AtomicReference<String> last = new AtomicReference<>("unknown");
    try {
      world.eventually("Fly reports worker Machine " + first.machineId() + " " + world.contract().describe(Contract.WORKER_IDLE_STATE), bound)
          .until(() -> idle.matcher(last.updateAndGet(s -> world.fly().machine(world.slice().workerPoolApp(), first.machineId()).state())).matches());
    } catch (ConditionTimeoutException e) {
      machine("still-awake");
      throw new AssertionError("after " + bound.toMillis() + " ms with no visit, Fly still reports worker Machine " + first.machineId() + " "
          + last.get() + ", not " + world.contract().describe(Contract.WORKER_IDLE_STATE), e);
    }
    return machine("asleep");
  }

  public void stopBehindTheStacksBack() {
    new FlyFaults(world).stopBehindTheStacksBack(world.slice().workerPoolApp(), first.machineId());
    machine("stopped");
  }

  /** The user reloads the agent page they landed on. */
  public void comeBack(String name) {
    ingress.reopen(name, agentHost);
  }

  public IngressJourney.Landing first() {
    return first;
  }

  public InstanceHistory history() {
    return history;
  }

  /** The computer's worker Machines that are not destroyed, as Fly lists them. */
  public List<MachineInfo> computersWorkers() {
    String label = world.contract().value(Contract.WORKER_COMPUTER_LABEL);
    List<MachineInfo> all = world.fly().listMachines(world.slice().workerPoolApp());
    world.evidence().machines("worker-machines", "after", all.stream().map(MachineInfo::raw).toList());
    return all.stream().filter(m -> first.computer().equals(m.metadata().get(label)) && !"destroyed".equals(m.state())).toList();
  }
}
