package io.artifact.flyemu.exec;

import static io.artifact.flyemu.nfs.Instance.Hardware.LOADABLE;
import static io.artifact.flyemu.nfs.Instance.Hardware.QUEUED;
import static io.artifact.flyemu.nfs.Instance.Hardware.RUNNING;
import static io.artifact.flyemu.nfs.Instance.Hardware.STARTING;
import static io.artifact.flyemu.nfs.Instance.Hardware.STOPPING;

import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.InstanceFiles;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One reconcile pass over a computer's instance files (stack-contract.md §3.2, DOC where §8 lists
 * a gap): queued → starting (Machine created, then booting) → loadable (it answers ping) →
 * running (the {@code load} tool said ok). A Machine that dies or vanishes while starting or
 * loadable is a failed boot; {@code stopped} software and a Machine stopped behind exec's back are
 * the other two points where the images differ. What each of the three means is a strategy
 * ({@link Strategies}) the image's variant picks ({@link ExecVariants}); this class is the
 * documented flow and the documented steps the strategies take.
 */
public final class Reconciler {

  /**
   * Where the {@code fly-exec} images differ, each the documented strategy unless the image's
   * variant swaps it: a failed boot is retried (G10, G12), a stopped instance stopped and removed
   * (G28), a stopped Machine rehydrated (G14).
   */
  record Strategies(FailedBoots failedBoots, StoppedInstances stoppedInstances, StoppedMachines stoppedMachines) {

    static Strategies doc(int maxBootAttempts) {
      return new Strategies(FailedBoots.retryUpTo(maxBootAttempts), StoppedInstances.STOP_AND_REMOVE, StoppedMachines.REHYDRATE);
    }

    Strategies with(FailedBoots f) {
      return new Strategies(f, stoppedInstances, stoppedMachines);
    }

    Strategies with(StoppedInstances s) {
      return new Strategies(failedBoots, s, stoppedMachines);
    }

    Strategies with(StoppedMachines s) {
      return new Strategies(failedBoots, stoppedInstances, s);
    }
  }

  /** Machine states that lost what was loaded in them (a suspended one keeps its memory, fly-facts.md §8.3). */
  private static final Set<String> LOST_MEMORY = Set.of("stopped", "failed");

  private final InstanceFiles files;
  private final WorkerPool pool;
  private final AgentLoader loader;
  private final Strategies strategies;
  private final Consumer<String> log;
  private final Consumer<String> retryLater;
  private final Releases releases;

  /** Machines start from the record each instance was queued with. */
  Reconciler(InstanceFiles files, WorkerPool pool, AgentLoader loader, Strategies strategies,
      Consumer<String> log, Consumer<String> retryLater) {
    this(files, pool, loader, strategies, log, retryLater, Releases.asQueued());
  }

  /** Machines start from the release {@code releases} picks (AGENT-030), written into the instance file. */
  Reconciler(InstanceFiles files, WorkerPool pool, AgentLoader loader, Strategies strategies,
      Consumer<String> log, Consumer<String> retryLater, Releases releases) {
    this.releases = releases;
    this.files = files;
    this.pool = pool;
    this.loader = loader;
    this.strategies = strategies;
    this.log = log;
    this.retryLater = retryLater;
  }

  /** Runs one pass; returns how many instance files it changed (the {@code changeCount}). */
  public int reconcile(String computerId) {
    String computer = computerId.toLowerCase(Locale.ROOT);
    var agents = files.agents(computer);
    if (agents.isEmpty()) return 0;
    Map<String, String> machines = pool.machineStates();
    int changed = 0;
    for (String agent : agents) {
      if (sync(computer, agent, machines)) changed++;
    }
    return changed;
  }

  private boolean sync(String c, String a, Map<String, String> machines) {
    Optional<Instance> read = files.read(c, a);
    if (read.isEmpty()) return false;
    Instance inst = read.get();
    if (inst.machineId() != null && !machines.containsKey(inst.machineId())) return vanished(c, a, inst);
    if (inst.software() == Instance.Software.STOPPED) return strategies.stoppedInstances().handle(new At(c, a, inst));
    return switch (inst.hardware()) {
      case QUEUED -> start(c, a, inst);
      case STARTING -> inst.machineId() == null ? bootFailed(c, a, inst, "exec restarted while creating its machine") : boot(c, a, inst);
      case LOADABLE -> load(c, a, inst, false);
      case RUNNING -> LOST_MEMORY.contains(machines.get(inst.machineId())) && strategies.stoppedMachines().handle(new At(c, a, inst));
      case STOPPING -> false;
    };
  }

  /**
   * The Machine of a running agent was stopped behind exec's back (WORKER-020, G14 DOC): its memory,
   * and the agent loaded in it, are gone, so start it again and load the agent before the router
   * replays to it. The file goes starting → loadable → running on the same Machine; a Machine that
   * will not boot again is replaced like any failed boot.
   */
  private boolean rehydrate(String c, String a, Instance inst) {
    String id = inst.machineId();
    log.accept(c + "/" + a + ": machine " + id + " is stopped; starting it again to reload the agent");
    Instance starting = inst.with(STARTING, id);
    files.write(c, a, starting);
    try {
      pool.start(id);
    } catch (FlyApiException e) {
      return bootFailed(c, a, starting, "start of stopped machine failed: " + e.getMessage());
    }
    boot(c, a, starting);
    return true;
  }

  private boolean vanished(String c, String a, Instance inst) {
    boolean booting = inst.hardware() == STARTING || inst.hardware() == LOADABLE;
    if (booting && inst.software() == Instance.Software.RUNNING) {
      return bootFailed(c, a, inst, "machine " + inst.machineId() + " vanished");
    }
    files.delete(c, a);
    log.accept(c + "/" + a + ": machine " + inst.machineId() + " vanished; instance file removed");
    return true;
  }

  private boolean start(String c, String a, Instance queued) {
    Instance inst = queued.with(releases.forNewMachine(queued.record()));
    files.write(c, a, inst.with(STARTING, null));
    String id;
    try {
      id = pool.create(c, inst.record());
    } catch (FlyApiException e) {
      // a release whose image Fly cannot pull is rejected; the one before it is tried instead
      if (unpullable(e, inst.record()) && releases.unpullable(inst.record(), e.getMessage())) return start(c, a, queued);
      return bootFailed(c, a, inst.with(STARTING, null), "create failed: " + e.getMessage());
    }
    Instance starting = inst.with(STARTING, id);
    try {
      files.write(c, a, starting);
    } catch (NfsUnavailableException e) {
      // the share went away between create and write: no Machine the file cannot name (FAULT-050)
      destroyQuietly(id);
      throw e;
    }
    log.accept(c + "/" + a + ": created machine " + id + " from " + inst.record().image());
    boot(c, a, starting);
    return true;
  }

  private boolean boot(String c, String a, Instance inst) {
    try {
      loader.awaitBoot(inst.machineId());
    } catch (BootFailedException e) {
      return bootFailed(c, a, inst, e.getMessage());
    }
    Instance loadable = inst.with(LOADABLE, inst.machineId());
    files.write(c, a, loadable);
    return load(c, a, loadable, true);
  }

  private boolean load(String c, String a, Instance inst, boolean changed) {
    try {
      loader.load(inst.machineId(), c, a);
    } catch (LoadFailedException e) {
      log.accept(c + "/" + a + ": " + e.getMessage() + "; stays loadable until the next change notification");
      return changed;
    }
    files.write(c, a, inst.with(RUNNING, inst.machineId()));
    strategies.failedBoots().running(new At(c, a, inst));
    log.accept(c + "/" + a + ": running on machine " + inst.machineId());
    return true;
  }

  private boolean bootFailed(String c, String a, Instance inst, String why) {
    return strategies.failedBoots().failed(new At(c, a, inst), why);
  }

  /** The documented step of {@link FailedBoots#retryUpTo}: no Machine left behind, the file queued again. */
  private void requeue(String c, String a, Instance inst) {
    if (inst.machineId() != null) destroyQuietly(inst.machineId());
    files.write(c, a, inst.with(QUEUED, null));
  }

  /** {@code stopped} software (G28 DOC): no Machine leaks, whichever state the file reached. */
  private boolean stopAndRemove(String c, String a, Instance inst) {
    if (inst.machineId() != null) {
      files.write(c, a, inst.with(STOPPING));
      pool.destroy(inst.machineId());
    }
    files.delete(c, a);
    log.accept(c + "/" + a + ": stopped" + (inst.machineId() == null ? "" : "; machine " + inst.machineId() + " destroyed")
        + "; instance file removed");
    return true;
  }

  /** A create refused with 422 (validation, fly-facts.md §1.2) that names the image: Fly could not resolve it. */
  private static boolean unpullable(FlyApiException e, ImageRecord record) {
    String m = String.valueOf(e.getMessage());
    return m.contains(" 422 ") && m.contains(record.image());
  }

  private void destroyQuietly(String machineId) {
    try {
      pool.destroy(machineId);
    } catch (FlyApiException e) {
      log.accept("cleanup of machine " + machineId + " failed: " + e.getMessage());
    }
  }

  /** The instance file at {@code c/a} as the strategies see it: the steps above, on this file. */
  private final class At implements Reconciling {
    private final String c;
    private final String a;
    private final Instance inst;

    At(String c, String a, Instance inst) {
      this.c = c;
      this.a = a;
      this.inst = inst;
    }

    @Override
    public String key() {
      return c + "/" + a;
    }

    @Override
    public void log(String message) {
      log.accept(key() + ": " + message);
    }

    @Override
    public void requeue() {
      Reconciler.this.requeue(c, a, inst);
    }

    @Override
    public void retryLater() {
      retryLater.accept(c);
    }

    @Override
    public boolean stopAndRemove() {
      return Reconciler.this.stopAndRemove(c, a, inst);
    }

    @Override
    public boolean rehydrate() {
      return Reconciler.this.rehydrate(c, a, inst);
    }
  }
}
