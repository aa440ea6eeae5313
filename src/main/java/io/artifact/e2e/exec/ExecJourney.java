package io.artifact.e2e.exec;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.nfs.InstanceHistory;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.ScenarioWorld;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * EXEC-010 as ops walk it: one agent of one computer on the shared volume, its instance file
 * (watched from the start, its history attached), exec's change notifications and the worker
 * Machines labelled with the computer.
 */
public final class ExecJourney {

  private static final Duration WATCH_INTERVAL = Duration.ofMillis(5);

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;
  private String computer;
  private String agent;
  private InstanceHistory history;
  private ExecPort.Answer lastAnswer;

  public ExecJourney(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  /** Creates the computer and agent folders and starts watching the agent's instance file. */
  public void agentOnVolume(String computerName, String agentName) {
    computer = computerName + "-" + world.slice().runId();
    agent = agentName;
    world.nfs().createComputer(computer);
    // registered first so it unwinds last: the history below is attached as the scenario left it
    ComputerTeardown.stopLater(world, computer);
    world.nfs().createAgent(computer, agent);
    workerMachines("before");
    history = new InstanceHistory(world.nfs(), computer, agent, WATCH_INTERVAL);
    world.cleanup().register("attach the instance file history of " + agent, () -> {
      history.close();
      workerMachines("after");
      world.evidence().text("instance-file-history.txt", history.report());
    });
  }

  public void queue() {
    world.nfs().writeInstance(computer, agent, InstanceFile.queued(provisioner.blueprint().agentImageRecord()));
  }

  public void markStopped() {
    world.nfs().writeInstance(computer, agent, instance().orElseThrow().withSoftware("stopped"));
  }

  /** Notifies exec whatever it answers (a refusal is a verdict's business); the answer is kept for the verdicts. */
  public ExecPort.Answer notifyAnyway() {
    lastAnswer = world.exec().notifyAnyway(computer);
    return lastAnswer;
  }

  /** Exec's answer to the last {@link #notifyAnyway()}. */
  public ExecPort.Answer lastAnswer() {
    if (lastAnswer == null) throw new IllegalStateException("exec has not been notified of a change in this scenario");
    return lastAnswer;
  }

  public int notifyExec() {
    return world.exec().notifyChanged(computer);
  }

  public void destroyBehindExecsBack(String machineId) {
    new FlyFaults(world).destroyMachine(world.slice().workerPoolApp(), machineId);
  }

  /** Armed on the emulator's admin surface, through the scenario's fault record (undo registered first). */
  public void killDuringNextBoot() {
    world.faults().killDuringNextBoot(world.slice().workerPoolApp(), computer);
  }

  public Optional<InstanceFile> instance() {
    return world.nfs().readInstance(computer, agent);
  }

  /** Has the instance file reached the running state the contract names (stack-contract.md §1.3)? */
  public boolean running(Optional<InstanceFile> file) {
    String running = world.contract().value(Contract.INSTANCE_RUNNING);
    return file.map(f -> running.equals(f.hardware())).orElse(false);
  }

  public InstanceHistory history() {
    return history;
  }

  /** Worker Machines labelled with this computer ({@code dc_computer_id}); recorded as evidence. */
  public List<MachineInfo> workerMachines(String label) {
    List<MachineInfo> all = world.fly().listMachines(world.slice().workerPoolApp());
    world.evidence().machines("worker-machines", label, all.stream().map(MachineInfo::raw).toList());
    String key = world.contract().value(Contract.WORKER_COMPUTER_LABEL);
    return all.stream().filter(m -> computer.equals(m.metadata().get(key))).toList();
  }

  public List<MachineInfo> workerMachines() {
    return world.fly().listMachines(world.slice().workerPoolApp()).stream()
        .filter(m -> computer.equals(m.metadata().get(world.contract().value(Contract.WORKER_COMPUTER_LABEL))) && !m.state().equals("destroyed")).toList();
  }

  public String computer() {
    return computer;
  }

  public String agent() {
    return agent;
  }
}
