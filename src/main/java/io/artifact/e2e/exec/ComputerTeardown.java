package io.artifact.e2e.exec;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.Teardown;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Phase 5 for a computer the scenario created (its id carries the run or a per-scenario user): the
 * worker Machines exec started for it must not outlive the scenario on a shared worker pool. The
 * undo asks exec the way the stack does — every agent marked stopped, exec notified — and waits
 * for its Machines and instance files to go; if exec does not finish within the bound, it destroys
 * only the Machines labelled with that computer. Then the computer's folder is removed from the share.
 */
public final class ComputerTeardown {

  private static final String STOPPED = "stopped";

  private ComputerTeardown() {}

  /**
   * Registers the stop; call it as soon as the scenario has made the computer (or a user whose
   * computer the router makes). Only for computers the run made: the folder is removed too.
   */
  public static void stopLater(ScenarioWorld world, String computer) {
    world.cleanup().register("stop the agents of computer " + computer + " and see its worker Machines gone", () -> stop(world, computer));
  }

  static void stop(ScenarioWorld world, String computer) {
    // on a slice this scenario made, its apps are destroyed next and take Machines and volume with them
    boolean fly = world.target().offers(Capability.FLY_API)
        && !Teardown.willDestroyApp(world.cleanup(), world.slice(), world.slice().workerPoolApp());
    boolean share = world.target().offers(Capability.NFS_FILES)
        && !Teardown.willDestroyApp(world.cleanup(), world.slice(), world.slice().nfsApp());
    boolean throughExec = fly && share && world.target().offers(Capability.EXEC_NOTIFY);
    if (fly && !(throughExec && askedExec(world, computer))) destroyWorkers(world, computer, throughExec);
    // the computer is the run's own: its folder goes too, or a shared volume fills up with them run by run
    if (share) world.nfs().removeComputer(computer);
  }

  /** Destroys only the worker Machines labelled with the computer. */
  private static void destroyWorkers(ScenarioWorld world, String computer, boolean execWasAsked) {
    String pool = world.slice().workerPoolApp();
    FlyPort fly = world.fly();
    List<MachineInfo> left = workers(world, computer);
    if (left.isEmpty()) return;
    world.manifest().mutation("teardown destroyed " + left.size() + " worker Machine(s) of " + computer
        + (execWasAsked ? " exec had not stopped" : " (no exec or share to ask)"));
    for (MachineInfo m : left) {
      try {
        fly.destroyMachine(pool, m.id(), true);
        fly.awaitState(pool, m.id(), "destroyed", world.bootBound());
      } catch (FlyApiException e) {
        if (e.status() != 404) throw e; // already gone (reaped): that is what was wanted
      }
    }
  }

  /** Whether exec stopped everything; if asking it failed (exec or the share unreachable), the fallback must still run. */
  private static boolean askedExec(ScenarioWorld world, String computer) {
    try {
      return askExec(world, computer);
    } catch (RuntimeException e) {
      world.manifest().mutation("teardown could not ask exec to stop " + computer + ": " + e.getMessage());
      return false;
    }
  }

  /** Marks every agent of the computer stopped and notifies exec; true once its files and Machines are gone in time. */
  private static boolean askExec(ScenarioWorld world, String computer) {
    if (world.nfs().instances(computer).isEmpty() && workers(world, computer).isEmpty()) return true;
    try {
      // marked again while waiting: a reconcile pass still in flight from the scenario writes its own copy back
      world.eventually("exec removes the instance files and worker Machines of " + computer)
          .until(() -> !markStopped(world, computer) && world.nfs().instances(computer).isEmpty() && workers(world, computer).isEmpty());
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** Marks every agent of the computer that is not yet stopped, and notifies exec if it marked any. */
  private static boolean markStopped(ScenarioWorld world, String computer) {
    NfsPort nfs = world.nfs();
    boolean marked = false;
    for (String agent : nfs.instances(computer)) {
      var running = nfs.readInstance(computer, agent).filter(i -> !STOPPED.equals(i.software()));
      if (running.isPresent()) {
        nfs.writeInstance(computer, agent, running.get().withSoftware(STOPPED));
        marked = true;
      }
    }
    if (marked) world.exec().notifyChanged(computer);
    return marked;
  }

  private static List<MachineInfo> workers(ScenarioWorld world, String computer) {
    String label = world.contract().value(Contract.WORKER_COMPUTER_LABEL);
    return world.fly().listMachines(world.slice().workerPoolApp()).stream()
        .filter(m -> computer.equals(m.metadata().get(label)) && !m.state().equals("destroyed")).toList();
  }
}
