package io.artifact.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Faults any target with the Fly API can take (runbook Phase 4), each recorded with the state it
 * changes and its undo registered <em>before</em> it is applied, so teardown puts a shared app back
 * as it was, pass or fail: a stopped Machine is started again, a patched env var gets its old
 * config back, a removed secret is set again and checked against the digest it had.
 */
public final class FlyFaults {

  private final ScenarioWorld world;

  public FlyFaults(ScenarioWorld world) {
    this.world = world;
  }

  /** Stops every started Machine of the app; each is started again at teardown. */
  public void stopMachines(String app) {
    world.require(Capability.FAULTS_MACHINE_LIFECYCLE);
    FlyPort fly = world.fly();
    for (MachineInfo m : fly.listMachines(app)) {
      if (!m.started()) continue;
      world.cleanup().register("start " + app + " Machine " + m.id() + " again (it was started)", () -> startAgain(app, m.id()));
      world.manifest().mutation("stopped " + app + " Machine " + m.id() + " (was started)");
      fly.stopMachine(app, m.id());
      fly.awaitState(app, m.id(), "stopped", world.bootBound());
    }
  }

  /** Suspends every started Machine of the app (fly-facts.md §8.3: a snapshot, resumed by a start); each is started again at teardown. */
  public void suspendMachines(String app) {
    world.require(Capability.FAULTS_MACHINE_LIFECYCLE);
    FlyPort fly = world.fly();
    for (MachineInfo m : fly.listMachines(app)) {
      if (!m.started()) continue;
      world.cleanup().register("resume " + app + " Machine " + m.id() + " (it was started)", () -> startAgain(app, m.id()));
      world.manifest().mutation("suspended " + app + " Machine " + m.id() + " (was started)");
      fly.suspendMachine(app, m.id());
      fly.awaitState(app, m.id(), "suspended", world.bootBound());
    }
  }

  /**
   * Restores now what {@link #stopMachines} or {@link #suspendMachines} took down: every stopped or
   * suspended Machine of the app is started and awaited. The undo already registered finds it started.
   */
  public void startMachines(String app) {
    world.require(Capability.FAULTS_MACHINE_LIFECYCLE);
    for (MachineInfo m : world.fly().listMachines(app)) {
      if (m.state().equals("stopped") || m.state().equals("suspended")) startAgain(app, m.id());
    }
  }

  /** Starts a Machine unless it already runs (an undo may find it restored by the scenario itself). */
  private void startAgain(String app, String machineId) {
    FlyPort fly = world.fly();
    if (fly.machine(app, machineId).started()) return;
    fly.startMachine(app, machineId);
    fly.awaitState(app, machineId, "started", world.bootBound());
  }

  /** Sets one env var in each Machine's own config (nothing else in it changes); the old config returns at teardown. */
  public void setEnv(String app, String key, String value) {
    world.require(Capability.FAULTS_MACHINE_LIFECYCLE);
    FlyPort fly = world.fly();
    for (MachineInfo m : fly.listMachines(app)) {
      JsonNode before = m.raw().path("config").deepCopy();
      world.cleanup().register("put back the config of " + app + " Machine " + m.id() + " (" + key + "=" + m.env().get(key) + ")", () -> {
        fly.updateMachineConfig(app, m.id(), before);
        fly.awaitState(app, m.id(), m.state(), world.bootBound());
      });
      ObjectNode patched = before.deepCopy();
      patched.with("env").put(key, value);
      world.manifest().mutation(app + " Machine " + m.id() + ": " + key + " " + m.env().get(key) + " → " + value);
      fly.updateMachineConfig(app, m.id(), patched);
      fly.awaitState(app, m.id(), "started", world.bootBound());
    }
  }

  /**
   * Removes an app secret. Fly never gives a value back, so the undo sets {@code restoreValue} (from
   * the target's credentials) and checks the digest is the one the app had: anything else is reported.
   */
  public void removeSecret(String app, String name, String restoreValue) {
    world.require(Capability.FAULTS_APP_SECRETS);
    FlyPort fly = world.fly();
    String digestBefore = fly.secretDigests(app).get(name);
    if (digestBefore == null) throw new IllegalStateException(app + " has no secret " + name + " to remove");
    world.cleanup().register("set the secret " + name + " of " + app + " again", () -> {
      fly.setSecrets(app, Map.of(name, restoreValue));
      String after = fly.secretDigests(app).get(name);
      if (!digestBefore.equals(after)) {
        throw new IllegalStateException(name + " of " + app + " is set again but its digest is " + after + ", not " + digestBefore
            + " as before: the app now holds a different value");
      }
    });
    world.manifest().mutation("removed secret " + name + " of " + app + " (digest " + digestBefore + ")");
    Map<String, String> unset = new HashMap<>();
    unset.put(name, null);
    fly.setSecrets(app, unset);
  }

  /**
   * Destroys a Machine behind the stack's back (a host failure, runbook Phase 4). Nothing is put
   * back: bringing the instance back is the stack's job, and what the scenario checks.
   */
  public void destroyMachine(String app, String machineId) {
    world.require(Capability.FAULTS_MACHINE_LIFECYCLE);
    world.manifest().mutation("destroyed " + app + " Machine " + machineId + " behind the stack's back");
    world.fly().destroyMachine(app, machineId, true);
    world.fly().awaitState(app, machineId, "destroyed", world.bootBound());
  }

  /**
   * Stops a Machine behind the stack's back (runbook Phase 4 {@code fly machine stop}), whatever it was
   * doing (started, or suspended: a stop discards the snapshot). Nothing is put back: the undo is the
   * stack's own recovery (WORKER-020: exec rehydrates the instance on the next router signal), which
   * the scenario checks; the manifest says so.
   */
  public void stopBehindTheStacksBack(String app, String machineId) {
    world.require(Capability.FAULTS_MACHINE_LIFECYCLE);
    FlyPort fly = world.fly();
    String before = fly.machine(app, machineId).state();
    world.manifest().mutation("stopped " + app + " Machine " + machineId + " behind the stack's back (was " + before
        + "); not restored by the suite: the undo is the stack's own recovery, which the scenario checks");
    fly.stopMachine(app, machineId);
    fly.awaitState(app, machineId, "stopped", world.bootBound());
  }

  /** Every Machine of an app as Fly reports it, for before/after evidence. */
  public List<MachineInfo> machines(String app) {
    return world.fly().listMachines(app);
  }
}
