package io.artifact.e2e.exec;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.nfs.InstanceHistory;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.ScenarioWorld;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EXEC-010 as ops walk it: agents of computers on the shared volume, each instance file
 * (watched from the start, its history attached), exec's change notifications and the worker
 * Machines labelled with the computer.
 */
public final class ExecJourney {

  private static final Duration WATCH_INTERVAL = Duration.ofMillis(5);

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;
  /** Agents on the volume by name, each with its computer and watched instance file; the last one named is "the agent". */
  private final Map<String, Agent> agents = new LinkedHashMap<>();
  private final Map<String, String> computers = new LinkedHashMap<>();
  private Agent current;
  private ExecPort.Answer lastAnswer;

  private record Agent(String computer, String name, InstanceHistory history) {}

  public ExecJourney(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  /** Creates the computer (once) and agent folders and starts watching the agent's instance file. */
  public void agentOnVolume(String computerName, String agentName) {
    String computer = computers.computeIfAbsent(computerName, n -> {
      String id = n + "-" + world.slice().runId();
      world.nfs().createComputer(id);
      // registered first so it unwinds last: the histories below are attached as the scenario left them
      ComputerTeardown.stopLater(world, id);
      return id;
    });
    if (agents.containsKey(agentName)) throw new IllegalStateException("agent " + agentName + " is already on the shared volume");
    world.nfs().createAgent(computer, agentName);
    InstanceHistory history = new InstanceHistory(world.nfs(), computer, agentName, WATCH_INTERVAL);
    current = new Agent(computer, agentName, history);
    agents.put(agentName, current);
    workerMachines("before");
    world.cleanup().register("attach the instance file history of " + agentName, () -> {
      history.close();
      workerMachines("after");
      world.evidence().text("instance-file-history.txt", agentName + "\n" + history.report());
    });
  }

  private Agent current() {
    if (current == null) throw new IllegalStateException("no agent has been put on the shared volume in this scenario");
    return current;
  }

  private Agent named(String agent) {
    return Optional.ofNullable(agents.get(agent)).orElseThrow(() -> new IllegalStateException("agent " + agent + " is not on the shared volume"));
  }

  public void queue() {
    queue(current().name());
  }

  public void queue(String agent) {
    Agent a = named(agent);
    world.nfs().writeInstance(a.computer(), a.name(), InstanceFile.queued(provisioner.blueprint().agentImageRecord()));
  }

  public void markStopped() {
    markStopped(current().name());
  }

  public void markStopped(String agent) {
    Agent a = named(agent);
    InstanceFile file = instance(agent).orElseThrow(() -> new IllegalStateException("agent " + agent + " has no instance file to mark stopped"));
    world.nfs().writeInstance(a.computer(), a.name(), file.withSoftware("stopped"));
  }

  /** Notifies exec whatever it answers (a refusal is a verdict's business); the answer is kept for the verdicts. */
  public ExecPort.Answer notifyAnyway() {
    lastAnswer = world.exec().notifyAnyway(computer());
    return lastAnswer;
  }

  /** Exec's answer to the last {@link #notifyAnyway()}. */
  public ExecPort.Answer lastAnswer() {
    if (lastAnswer == null) throw new IllegalStateException("exec has not been notified of a change in this scenario");
    return lastAnswer;
  }

  public int notifyExec() {
    return world.exec().notifyChanged(computer());
  }

  public void destroyBehindExecsBack(String machineId) {
    new FlyFaults(world).destroyMachine(world.slice().workerPoolApp(), machineId);
  }

  /** Armed on the emulator's admin surface, through the scenario's fault record (undo registered first). */
  public void killDuringNextBoot() {
    world.faults().killDuringNextBoot(world.slice().workerPoolApp(), computer());
  }

  public Optional<InstanceFile> instance() {
    return instance(current().name());
  }

  public Optional<InstanceFile> instance(String agent) {
    Agent a = named(agent);
    return world.nfs().readInstance(a.computer(), a.name());
  }

  /** Has the instance file reached the running state the contract names (stack-contract.md §1.3)? */
  public boolean running(Optional<InstanceFile> file) {
    String running = world.contract().value(Contract.INSTANCE_RUNNING);
    return file.map(f -> running.equals(f.hardware())).orElse(false);
  }

  public InstanceHistory history() {
    return current().history();
  }

  /** Worker Machines labelled with this computer ({@code dc_computer_id}); recorded as evidence. */
  public List<MachineInfo> workerMachines(String label) {
    List<MachineInfo> all = world.fly().listMachines(world.slice().workerPoolApp());
    world.evidence().machines("worker-machines", label, all.stream().map(MachineInfo::raw).toList());
    String key = world.contract().value(Contract.WORKER_COMPUTER_LABEL);
    List<MachineInfo> mine = all.stream().filter(m -> computer().equals(m.metadata().get(key))).toList();
    world.manifest().workerMachines(mine.stream().map(MachineInfo::id).toList());
    return mine;
  }

  /** Worker Machines (not destroyed) labelled with the agent's computer. */
  public List<MachineInfo> workerMachines() {
    return workerMachinesOf(current().computer());
  }

  /** Worker Machines (not destroyed) labelled with a computer named in this scenario ("carol"). */
  public List<MachineInfo> workerMachinesOfComputer(String computerName) {
    String id = computers.get(computerName);
    if (id == null) throw new IllegalStateException("computer " + computerName + " is not on the shared volume");
    return workerMachinesOf(id);
  }

  private List<MachineInfo> workerMachinesOf(String computer) {
    return world.fly().listMachines(world.slice().workerPoolApp()).stream()
        .filter(m -> computer.equals(m.metadata().get(world.contract().value(Contract.WORKER_COMPUTER_LABEL))) && !m.state().equals("destroyed")).toList();
  }

  /** The computer of the agent named last. */
  public String computer() {
    return current().computer();
  }

  public String agent() {
    return current().name();
  }
}
