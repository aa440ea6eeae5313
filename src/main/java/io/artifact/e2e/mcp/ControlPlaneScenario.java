package io.artifact.e2e.mcp;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fault.TokenFaults;
import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.Teardown;
import org.opentest4j.TestAbortedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a CONTROL-040 scenario does with the control plane, in ops terms: stage the slice, call the
 * tools, keep their results for the assertions. Teardown always goes through the Fly API, so a
 * revoked token cannot leave resources behind.
 */
public final class ControlPlaneScenario {

  private final ScenarioWorld world;
  private final List<ToolCall> calls = new ArrayList<>();
  private String machineId;
  private ToolCall provisioned;
  private List<String> preExisting;
  private boolean seenByFly;
  private Set<String> poolBefore;

  public ControlPlaneScenario(ScenarioWorld world) {
    this.world = world;
  }

  public ControlPlaneSession session() {
    return world.mcp();
  }

  public OrgSlice slice() {
    return world.slice();
  }

  /**
   * The slice's apps do not exist yet. On a target whose slice is shared and long-lived they do,
   * and this row cannot run there: it is skipped, and nothing of theirs is put on the ledger.
   */
  public void unprovisionedSlice() {
    List<String> existing = world.slice().apps().stream().filter(app -> world.fly().findApp(app).isPresent()).toList();
    if (!existing.isEmpty()) {
      throw new TestAbortedException("needs a slice this run creates; " + existing + " already exist on " + world.target().describe());
    }
    preExisting = List.of();
  }

  /** Phase 1 for one app: ensure it through the control plane, record it, destroy it afterwards if this ensure created it. */
  public ToolCall ensureWorkerPool() {
    String app = world.slice().workerPoolApp();
    ToolCall c = record(session().ensureApp(app));
    if (Boolean.TRUE.equals(c.get("created"))) Teardown.destroyAppLater(world.cleanup(), world.slice(), world::fly, app);
    world.manifest().ensured(app + ": " + (Boolean.TRUE.equals(c.get("created")) ? "created" : "existing") + " (infra.ensure_app)");
    // on a shared slice the pool holds Machines already: a verdict may judge only what is new
    if (!c.error()) poolBefore = workerPoolMachineIds();
    return c;
  }

  public void revokeTokenOfEnsuredSlice() {
    ensureWorkerPool();
    new TokenFaults(world).revokeOrgToken();
  }

  /** Dry run, then apply: the manifest the apply returned (the plan is kept as evidence). */
  public ToolCall provisionSlice() {
    Map<String, String> images = Map.of("nfs", world.profile().string("image.nfs"),
        "fly-router", world.profile().string("image.router"), "fly-exec", world.profile().string("image.exec"));
    world.evidence().json("org-manifest-dry-run.json", record(session().provisionSlice(images, true)).structured());
    ToolCall applied = record(session().provisionSlice(images, false));
    // what the apply created is this run's to destroy: the apps that were not there before it
    if (preExisting != null) {
      world.slice().apps().stream().filter(app -> !preExisting.contains(app))
          .forEach(app -> Teardown.destroyAppLater(world.cleanup(), world.slice(), world::fly, app));
    }
    world.evidence().json("org-manifest.json", applied.structured());
    provisioned = applied;
    return applied;
  }

  /** Manifest Machines whose image digest differs from the one the Fly Machines API reports for them. */
  @SuppressWarnings("unchecked")
  public List<String> digestsDisagreeingWithFly() {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) provisioned().structured().getOrDefault("machines", List.of())) {
      String app = String.valueOf(m.get("app"));
      String id = String.valueOf(m.get("id"));
      String fly = world.fly().machine(app, id).raw().path("image_ref").path("digest").asText();
      if (!fly.equals(m.get("image_digest"))) out.add(app + " " + id + ": manifest " + m.get("image_digest") + ", Fly " + fly);
      // two empty answers agree too: each must be a digest as registries report them
      else if (!world.contract().pattern(Contract.IMAGE_DIGEST).matcher(fly).matches()) {
        out.add(app + " " + id + ": '" + fly + "' is not " + world.contract().describe(Contract.IMAGE_DIGEST));
      }
    }
    return out;
  }

  /** The manifest the last {@link #provisionSlice()} returned. */
  public ToolCall provisioned() {
    if (provisioned == null) throw new IllegalStateException("the slice was not provisioned through the control plane in this scenario");
    return provisioned;
  }

  /** What the manifest of this slice must say, with the images the profile calls current. */
  public OrgManifestView expectedManifest() {
    return OrgManifestView.expected(world.slice(), world.profile().string("image.nfs"), world.profile().string("image.router"),
        world.profile().string("image.exec"));
  }

  /** Machines (not destroyed) Fly lists in the worker pool that were not there when the pool app was ensured. */
  public List<String> machinesAddedToWorkerPool() {
    if (poolBefore == null) throw new IllegalStateException("the worker pool was not ensured (and noted) in this scenario");
    return world.fly().listMachines(world.slice().workerPoolApp()).stream()
        .filter(m -> !poolBefore.contains(m.id()) && !m.state().equals("destroyed")).map(m -> m.id() + " " + m.state()).toList();
  }

  private Set<String> workerPoolMachineIds() {
    return world.fly().listMachines(world.slice().workerPoolApp()).stream().map(MachineInfo::id).collect(Collectors.toSet());
  }

  /** Any tool call, recorded like the others (the guard rows call tools the happy rows do not). */
  public ToolCall call(String tool, Map<String, Object> arguments) {
    return record(session().port().call(tool, arguments));
  }

  /** The Machine {@link #createMachineInWorkerPool} created in this scenario. */
  public String createdMachine() {
    if (machineId == null) throw new IllegalStateException("no Machine was created in the worker pool in this scenario");
    return machineId;
  }

  public ToolCall ensure(String app) {
    return record(session().ensureApp(app));
  }

  public ToolCall listWorkerPool() {
    return record(session().listMachines(world.slice().workerPoolApp()));
  }

  public ToolCall createMachineInWorkerPool(String region) {
    ToolCall c = record(session().createMachine(world.slice().workerPoolApp(), world.profile().string("image.exec"), region));
    if (!c.error()) {
      machineId = (String) c.get("machine_id");
      // a step that fails before the destroy must not leave it in a shared pool
      Teardown.destroyMachineLater(world.cleanup(), world.slice(), world::fly, world.slice().workerPoolApp(), machineId, world.bootBound());
      // "destroyed" later means something only for a Machine Fly itself has reported
      seenByFly = world.fly().machine(world.slice().workerPoolApp(), machineId) != null;
    }
    return c;
  }

  public ToolCall destroyCreatedMachine() {
    return record(session().destroyMachine(world.slice().workerPoolApp(), machineId));
  }

  /** The state Fly reports for the Machine this scenario created, once it settles as destroyed. */
  public String flyStateOfCreatedMachine() {
    if (!seenByFly) throw new AssertionError("Fly never reported the Machine " + machineId + " the control plane said it created");
    try {
      var m = world.fly().awaitState(world.slice().workerPoolApp(), machineId, "destroyed", world.bootBound());
      return m == null ? "destroyed" : m.state();
    } catch (FlyApiException e) {
      if (e.status() == 404) return "destroyed"; // reaped right after it settled: Fly counts that as destroyed (fly-facts §4.1)
      throw e;
    }
  }

  /** The slice's Machines as {@code infra.list_machines} reports them, once every one has started. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> startedMachines() {
    List<Map<String, Object>> all = new ArrayList<>();
    world.eventually("every provisioned Machine listed as started", world.bootBound()).until(() -> {
      all.clear();
      for (String app : world.slice().apps()) {
        all.addAll((List<Map<String, Object>>) record(session().listMachines(app)).structured().getOrDefault("machines", List.of()));
      }
      return !all.isEmpty() && all.stream().allMatch(m -> "started".equals(m.get("state")));
    });
    world.evidence().json("machines-via-control-plane.json", all);
    return all;
  }

  public List<ToolCall> calls() {
    return List.copyOf(calls);
  }

  public ToolCall last() {
    return calls.get(calls.size() - 1);
  }

  public List<AuditRecord> audit(String app) {
    List<AuditRecord> entries = session().audit(app).stream().filter(e -> e.app().equals(app)).toList();
    world.evidence().json("audit-" + app + ".json", entries);
    return entries;
  }

  public List<AlertRecord> alerts() {
    List<AlertRecord> alerts = session().alerts();
    world.evidence().json("control-plane-alerts.json", alerts);
    return alerts;
  }

  private ToolCall record(ToolCall c) {
    calls.add(c);
    return c;
  }
}
