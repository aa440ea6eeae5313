package io.artifact.flyemu.fly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One embedded Machine and its lifecycle (fly-facts.md §4): transient states are real and last
 * as long as the image's boot delay or the platform's stop delay; every transition is scheduled
 * on the {@link Scheduler}, so unit tests drive it with a manual clock and no sockets.
 */
public final class Machine {

  private static final int MAX_EVENTS = 50;

  private final FlyPlatform platform;
  private final App app;
  private final String id;
  private final String name;
  private final String region;
  private final String privateIp;
  private final Instant createdAt;
  private final Deque<MachineEvent> events = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private MachineState state = MachineState.CREATED;
  private ObjectNode config;
  private Map<String, String> secrets;
  private String instanceId;
  private Instant updatedAt;
  private MachineProgram program;
  private long generation;
  private Scheduler.Task pending;

  private record Waiter(Set<MachineState> targets, CompletableFuture<MachineState> future) {}

  Machine(FlyPlatform platform, App app, String id, String name, String region, ObjectNode config, Map<String, String> secrets) {
    this.platform = platform;
    this.app = app;
    this.id = id;
    this.name = name;
    this.region = region;
    this.config = config;
    this.secrets = Map.copyOf(secrets);
    this.privateIp = Ids.privateIp();
    this.createdAt = platform.scheduler().now();
    this.updatedAt = createdAt;
    this.instanceId = Ids.version();
    record("launch", "created", "user", null);
  }

  // ---- reading ----

  public String id() { return id; }
  public String name() { return name; }
  public String region() { return region; }
  public String privateIp() { return privateIp; }
  public Instant createdAt() { return createdAt; }
  public App app() { return app; }

  public synchronized MachineState state() { return state; }
  public synchronized String instanceId() { return instanceId; }
  public synchronized Instant updatedAt() { return updatedAt; }
  public synchronized ObjectNode config() { return config.deepCopy(); }
  public synchronized List<MachineEvent> events() { return List.copyOf(events); }

  // read in place: config() copies the whole tree, and these run on every render of the Machine
  public synchronized String image() {
    return config.path("image").asText();
  }

  public synchronized Map<String, String> metadata() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    config.path("metadata").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  /** The program serving requests, only while the Machine is started. */
  public synchronized MachineProgram runningProgram() {
    return state == MachineState.STARTED ? program : null;
  }

  public List<Check> checks() {
    MachineProgram p = runningProgram();
    return p == null ? List.of() : p.checks();
  }

  synchronized Map<String, String> secretsSnapshot() { return secrets; }

  // ---- lifecycle ----

  /** Starts a freshly created Machine unless the caller asked to skip the launch. */
  synchronized void launch() {
    // Fly answers the create with state "created"; the launch follows on its own.
    long gen = ++generation;
    pending = platform.scheduler().schedule(Duration.ZERO, () -> {
      synchronized (this) {
        if (gen == generation) beginBoot(true);
      }
    });
  }

  public synchronized MachineState start() {
    MachineState previous = state;
    switch (state) {
      case STARTED, STARTING, RESTARTING -> { return previous; }
      case STOPPED, CREATED, FAILED -> beginBoot(program == null);
      case SUSPENDED -> beginBoot(program == null); // resume keeps the program (snapshot)
      case REPLACING -> throw PlatformException.precondition("failed_precondition: machine getting replaced, refusing to start");
      default -> throw PlatformException.precondition("failed_precondition: unable to start machine from current state: '" + state.wire() + "'");
    }
    record("start", "requested", "user", null);
    return previous;
  }

  public synchronized void stop() {
    switch (state) {
      case STARTED, STARTING, RESTARTING, SUSPENDING -> beginStop();
      case SUSPENDED -> { // stopping a suspended Machine discards its snapshot
        dropProgram();
        transition(MachineState.STOPPED);
        record("exit", "stopped", "user", 0);
        destroyIfAuto();
      }
      case STOPPED, CREATED, FAILED, STOPPING -> { }
      default -> throw PlatformException.precondition("failed_precondition: unable to stop machine from current state: '" + state.wire() + "'");
    }
  }

  public synchronized void suspend() {
    if (state == MachineState.SUSPENDED || state == MachineState.SUSPENDING) return;
    if (state != MachineState.STARTED) {
      throw PlatformException.precondition("failed_precondition: unable to suspend machine from current state: '" + state.wire() + "'");
    }
    long gen = ++generation;
    transition(MachineState.SUSPENDING);
    pending = platform.scheduler().schedule(platform.stopDelay(), () -> finish(gen, MachineState.SUSPENDED, "suspend"));
  }

  public synchronized void restart() {
    if (state != MachineState.STARTED) {
      throw PlatformException.precondition("failed_precondition: unable to restart machine from current state: '" + state.wire() + "'");
    }
    dropProgram();
    record("restart", "requested", "user", null);
    beginBoot(true, MachineState.RESTARTING);
  }

  /** Replaces the config: a new version, booted again unless it was resting stopped. */
  public synchronized void update(ObjectNode newConfig, Map<String, String> newSecrets, boolean skipLaunch) {
    if (state == MachineState.DESTROYED || state == MachineState.DESTROYING) {
      throw PlatformException.notFound("not_found: machine not found");
    }
    config = newConfig;
    secrets = Map.copyOf(newSecrets);
    instanceId = Ids.version();
    record("update", "replacing", "user", null);
    dropProgram();
    if (skipLaunch) {
      ++generation;
      transition(MachineState.STOPPED);
    } else {
      beginBoot(true, MachineState.REPLACING);
    }
  }

  public synchronized void destroy(boolean force) {
    if (state == MachineState.DESTROYED || state == MachineState.DESTROYING) return;
    if (!force && !state.destroyableWithoutForce()) {
      throw PlatformException.precondition(
          "failed_precondition: unable to destroy machine, not currently stopped, suspended, failed or created");
    }
    long gen = ++generation;
    cancelPending();
    transition(MachineState.DESTROYING);
    pending = platform.scheduler().schedule(platform.stopDelay(), () -> {
      synchronized (this) {
        if (gen != generation) return;
        dropProgram();
        transition(MachineState.DESTROYED);
        record("destroy", "destroyed", "user", null);
      }
      platform.reapLater(this);
    });
  }

  /** Fault injection: the main process dies now (as a crash or OOM kill would end it). */
  public synchronized void kill(String reason) {
    // no main process to kill: a second exit event would be a lie
    if (EnumSet.of(MachineState.DESTROYED, MachineState.DESTROYING, MachineState.STOPPED, MachineState.FAILED).contains(state)) return;
    ++generation;
    cancelPending();
    platform.log(this, "error", "Main child exited with signal (with signal 'SIGKILL', core dumped? false): " + reason);
    dropProgram();
    transition(MachineState.STOPPED);
    record("exit", "killed", "flyd", 137);
    destroyIfAuto();
  }

  /**
   * A future that completes when the Machine reaches one of the states (or at once if it is in
   * one). A caller that gives up cancels it (or lets {@code orTimeout} fail it), which forgets the waiter.
   */
  public synchronized CompletableFuture<MachineState> when(Set<MachineState> targets) {
    CompletableFuture<MachineState> f = new CompletableFuture<>();
    if (targets.contains(state)) {
      f.complete(state);
      return f;
    }
    Waiter w = new Waiter(EnumSet.copyOf(targets), f);
    waiters.add(w);
    f.whenComplete((s, failure) -> {
      if (failure != null) forget(w);
    });
    return f;
  }

  synchronized int pendingWaiters() { return waiters.size(); }

  private synchronized void forget(Waiter w) {
    waiters.remove(w);
  }

  // ---- internals ----

  private void beginBoot(boolean cold) {
    beginBoot(cold, MachineState.STARTING);
  }

  private void beginBoot(boolean cold, MachineState via) {
    long gen = ++generation;
    cancelPending();
    transition(via);
    ImageRef ref = ImageRef.parse(image());
    Duration delay = program != null && !cold ? platform.resumeDelay() : platform.images().bootDelayOf(ref);
    pending = platform.scheduler().schedule(delay, () -> completeBoot(gen, ref));
  }

  private void completeBoot(long gen, ImageRef ref) {
    MachineProgram resumed;
    synchronized (this) {
      if (gen != generation) return;
      resumed = program;
    }
    if (resumed != null) {
      finishBoot(gen, resumed, false, null);
      return;
    }
    // Boot outside the lock: a program may look at other Machines (its NFS server, say).
    MachineProgram p = null;
    try {
      p = platform.images().programFor(ref);
      p.boot(new MachineRuntime(platform, this));
    } catch (Exception | Error e) {
      finishBoot(gen, p, true, e);
      return;
    }
    MachineProgram booted = p;
    booted.ready().whenComplete((ok, failure) ->
        finishBoot(gen, booted, true, failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure));
  }

  private void finishBoot(long gen, MachineProgram p, boolean cold, Throwable failure) {
    synchronized (this) {
      if (gen != generation) {
        if (cold && p != null) p.shutdown();
        return;
      }
      if (failure != null) {
        platform.log(this, "error", "Error: main process exited: " + failure.getMessage());
        if (p != null) p.shutdown();
        program = null;
        transition(MachineState.STOPPED);
        record("exit", "stopped", "flyd", 1);
        destroyIfAuto();
        return;
      }
      program = p;
      transition(MachineState.STARTED);
      record("start", "started", "flyd", null);
    }
  }

  private void beginStop() {
    long gen = ++generation;
    cancelPending();
    transition(MachineState.STOPPING);
    pending = platform.scheduler().schedule(platform.stopDelay(), () -> {
      synchronized (this) {
        if (gen != generation) return;
        dropProgram();
        transition(MachineState.STOPPED);
        record("exit", "stopped", "user", 0);
        destroyIfAuto();
      }
    });
  }

  private void finish(long gen, MachineState target, String event) {
    synchronized (this) {
      if (gen != generation) return;
      transition(target);
      record(event, target.wire(), "user", null);
    }
  }

  private void destroyIfAuto() {
    if (config.path("auto_destroy").asBoolean(false)) {
      ++generation;
      transition(MachineState.DESTROYED);
      record("destroy", "destroyed", "flyd", null);
      platform.reapLater(this);
    }
  }

  private void dropProgram() {
    if (program != null) {
      MachineProgram p = program;
      program = null;
      p.shutdown();
    }
  }

  private void cancelPending() {
    if (pending != null) pending.cancel();
    pending = null;
  }

  private void transition(MachineState next) {
    state = next;
    updatedAt = platform.scheduler().now();
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.targets.contains(next)) {
        w.future.complete(next);
        it.remove();
      }
    }
  }

  private void record(String type, String status, String source, Integer exitCode) {
    events.addFirst(new MachineEvent(type, status, source, platform.scheduler().now().toEpochMilli(), exitCode));
    while (events.size() > MAX_EVENTS) events.removeLast();
  }
}
