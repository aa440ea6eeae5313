package io.artifact.e2e.world;

import io.artifact.e2e.clerk.ClerkPort;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.fault.FaultPort;
import io.artifact.e2e.fault.FaultRecord;
import io.artifact.e2e.fault.NetworkFaults;
import io.artifact.e2e.fault.StackSteadyState;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.FlyViaMcp;
import io.artifact.e2e.mcp.ControlPlaneSession;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.router.RouterProbe;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.pollinterval.PollInterval;

/**
 * Everything one scenario shares between its steps, rebuilt for every scenario by picocontainer:
 * the profile, the org slice, the Fly port, the evidence recorder, the cleanup ledger and the
 * manifest. Ports are created lazily; anything that owns a resource registers its undo in
 * {@link #cleanup()}.
 */
public final class ScenarioWorld {

  private SuiteRuntime runtime = SuiteRuntime.get();
  private final Redactor redactor = new Redactor();
  private final Evidence evidence = new Evidence(redactor);
  private final CleanupLedger cleanup = new CleanupLedger();
  private final ScenarioManifest manifest = new ScenarioManifest();
  private Contract contract = new Contract(runtime.profile());
  private OrgSlice slice;
  private boolean onSharedSlice;
  private FlyPort fly;
  private ControlPlaneSession mcp;
  private ClerkPort clerk;
  private NfsPort nfs;
  private RouterProbe router;
  private ExecPort exec;
  private FaultPort faults;
  private FaultRecord faultRecord;
  private NetworkFaults networkFaults;

  public ScenarioWorld() {
    Profile p = runtime.profile();
    p.requiredSecrets().forEach(v -> redactor.secret(p.secret(v)));
    target().secretValues().forEach(redactor::secret);
  }

  /** Called by the scenario hook before the first step. */
  public void begin(String name, Collection<String> tags, String scenarioId, Consumer<Evidence.Attachment> reportSink) {
    evidence.sink(reportSink);
    // a run with profile overrides (a kill-matrix variant) sees its own images on the shared target
    Map<String, String> overrides = ProfileOverrides.of(scenarioId);
    if (!overrides.isEmpty()) {
      runtime = runtime.withOverrides(overrides);
      contract = new Contract(runtime.profile());
    }
    // On the embedded stack every scenario gets its own slice; on Fly the run shares one.
    String sliceId = profile().slicePerScenario() ? runtime.nextScenarioSliceId() : runtime.runId();
    this.slice = OrgSlice.of(profile(), sliceId);
    manifest.put("scenario", name).put("tags", List.copyOf(tags)).put("profile", profile().name())
        .put("target", target().kind()).put("capabilities", target().capabilities().stream().map(Capability::id).toList()).put("strategy", profile().strategy())
        .put("org_prefix", slice.prefix()).put("domain", slice.domain()).put("apps", slice.apps())
        .put("run_id", runtime.runId()).put("org_slug", slice.org()).put("started_at", java.time.Instant.now().toString())
        .put("images", images(profile()));
    if (!profile().slicePerScenario()) {
      onSharedSlice = true;
      runtime.enterSharedSlice();
    }
  }

  private static java.util.Map<String, String> images(Profile p) {
    java.util.Map<String, String> images = new java.util.LinkedHashMap<>();
    for (String app : List.of("nfs", "router", "exec", "agent")) p.optional("image." + app).ifPresent(i -> images.put(app, i));
    return images;
  }

  /** The fault record, if this scenario injected anything (its faults go into the manifest). */
  public synchronized java.util.Optional<FaultRecord> faultRecordIfAny() {
    return java.util.Optional.ofNullable(faultRecord);
  }

  /** Called by the scenario hook after teardown. */
  public void end() {
    if (onSharedSlice) runtime.leaveSharedSlice();
    onSharedSlice = false;
  }

  public Profile profile() { return runtime.profile(); }
  public OrgSlice slice() { return slice; }
  public Evidence evidence() { return evidence; }
  public Redactor redactor() { return redactor; }
  public CleanupLedger cleanup() { return cleanup; }
  public ScenarioManifest manifest() { return manifest; }
  public SuiteRuntime runtime() { return runtime; }

  /** The stack under test, as endpoints, credentials and capabilities. */
  public Target target() { return runtime.target(); }

  /** Skips the scenario, naming the capability, unless the target offers it. */
  public void require(Capability capability) {
    target().require(capability);
  }

  public synchronized FlyPort fly() {
    if (fly == null) fly = createFly();
    return fly;
  }

  /** Clerk's Backend API (the embedded Clerk or the real one), to create test users and their sessions. */
  public synchronized ClerkPort clerk() {
    if (clerk == null) clerk = TargetPorts.clerk(target(), redactor, line -> evidence.log("clerk-api.txt", line));
    return clerk;
  }

  /** The shared NFS volume's files. */
  public synchronized NfsPort nfs() {
    if (nfs == null) nfs = TargetPorts.nfs(target(), slice, this::fly);
    return nfs;
  }

  /** HTTP through the public ingress: an edge proxy that routes by host, or Fly's own proxy. */
  public synchronized RouterProbe router() {
    if (router == null) router = TargetPorts.router(target(), evidence, visitBound());
    return router;
  }

  /**
   * The longest one visit through the router may take: the router's own wait for an instance
   * ({@code router.instance-wait}; 60 s in the real router and when the profile does not say) plus
   * the hops around it (edge, Clerk, redirects: {@code timeouts.visit-slack}; 5 s), which a loaded
   * machine can stretch. A request still unanswered then is a hang.
   */
  public Duration visitBound() {
    return profile().optionalDuration("router.instance-wait").orElse(Duration.ofSeconds(60))
        .plus(profile().optionalDuration("timeouts.visit-slack").orElse(Duration.ofSeconds(5)));
  }

  /** Exec's change notification over the private network. */
  public synchronized ExecPort exec() {
    if (exec == null) exec = TargetPorts.exec(target(), slice, profile().duration("timeouts.await"), line -> evidence.log("exec-notifications.txt", line));
    return exec;
  }

  /** Faults no Fly API offers (a kill mid-boot), where the target has an admin surface for them. */
  public synchronized FaultPort faults() {
    if (faults == null) faults = TargetPorts.faults(target(), faultRecord(), line -> evidence.log("emulator-faults.txt", line));
    return faults;
  }

  /** Every fault this scenario injects, each undone at teardown, with the steady-state check around them. */
  public synchronized FaultRecord faultRecord() {
    if (faultRecord == null) {
      faultRecord = new FaultRecord(cleanup, manifest::mutation, record -> evidence.json("faults.json", record),
          this::steadyState, java.time.Clock.systemUTC());
    }
    return faultRecord;
  }

  /** "The stack is healthy" for this slice: the Phase 0 baseline, and no toxic left where the target has network faults. */
  public io.artifact.e2e.fault.SteadyState steadyState() {
    return new StackSteadyState(this, ScenarioWorld::toxicsLeft);
  }

  /** Latency, resets and stalls on router→exec traffic, through a Toxiproxy API (capability {@code faults:network}). */
  public synchronized NetworkFaults networkFaults() {
    if (networkFaults == null) {
      networkFaults = TargetPorts.networkFaults(target(), faultRecord(), cleanup, evidence, line -> evidence.log("network-faults.txt", line));
    }
    return networkFaults;
  }

  /** Steady state: where the target can perturb the network, no toxic may be left on the traffic to exec. */
  private static List<String> toxicsLeft(ScenarioWorld w) {
    return w.target().offers(Capability.FAULTS_NETWORK) ? w.networkFaults().toxicsLeft(w.slice().execApp()) : List.of();
  }

  /** The scenario's control-plane session (MCP), opened on first use with the slice's org token. */
  public synchronized ControlPlaneSession mcp() {
    if (mcp == null) mcp = ControlPlaneSession.open(this);
    return mcp;
  }

  /** An Awaitility wait bounded by {@code timeouts.await} and polling at {@code timeouts.poll}. */
  public ConditionFactory eventually(String what) {
    return eventually(what, profile().duration("timeouts.await"));
  }

  public ConditionFactory eventually(String what, Duration bound) {
    return Awaitility.await(what).atMost(bound).pollDelay(Duration.ZERO).pollInterval(pollInterval());
  }

  /**
   * How waits poll: {@code timeouts.poll} at first, then each pause half as long again, up to
   * {@code timeouts.poll-max} (unset: a fixed {@code timeouts.poll}). A quick change is still seen within a
   * short poll, and a wait that runs to its bound costs tens of checks instead of hundreds.
   */
  public PollInterval pollInterval() {
    return pollInterval(profile().duration("timeouts.poll"), profile().optionalDuration("timeouts.poll-max"));
  }

  static PollInterval pollInterval(Duration first, Optional<Duration> upTo) {
    Duration max = upTo.filter(m -> m.compareTo(first) > 0).orElse(first);
    return (count, previous) -> {
      if (count <= 1) return first;
      Duration next = previous.plus(previous.dividedBy(2));
      return next.compareTo(max) > 0 ? max : next;
    };
  }


  /** What the stack is expected to show, from the contract (overridable per target). */
  public Contract contract() {
    return contract;
  }

  /**
   * An absence check: {@code condition} must hold throughout the profile's settle window
   * ({@code timeouts.settle}), since what it rules out may happen asynchronously (the router
   * notifies exec in the background). Callers prove their source is readable first.
   */
  public void holdsThroughout(String what, java.util.concurrent.Callable<Boolean> condition) {
    Duration settle = profile().optionalDuration("timeouts.settle").orElse(Duration.ofMillis(500));
    Awaitility.await(what + " (for the whole " + settle.toMillis() + " ms settle window)").during(settle)
        .atMost(settle.plus(profile().duration("timeouts.await"))).pollInterval(pollInterval()).until(condition);
  }

  public Duration bootBound() {
    return profile().duration("timeouts.boot");
  }

  private FlyPort createFly() {
    Profile p = profile();
    if (p.string("fly.backend").equals("flyctl")) {
      return TargetPorts.flyctlFly(target(), p.duration("timeouts.flyctl"), bootBound(), p.duration("timeouts.api-retry"),
          line -> evidence.log("fly-api-calls.txt", line));
    }
    FlyPort rest = TargetPorts.fly(target(), p.duration("timeouts.api-retry"), bootBound(), line -> evidence.log("fly-api-calls.txt", line));
    return p.string("fly.backend").equals("mcp") ? new FlyViaMcp(rest, () -> mcp().port()) : rest;
  }
}
