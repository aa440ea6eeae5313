package io.artifact.e2e.world;

import io.artifact.e2e.clerk.ClerkBackendApi;
import io.artifact.e2e.clerk.ClerkPort;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.fault.FaultPort;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.router.RouterProbe;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.FlyViaMcp;
import io.artifact.e2e.mcp.ControlPlaneSession;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.clerk.LocalClerk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Everything one scenario shares between its steps, rebuilt for every scenario by picocontainer:
 * the profile, the org slice, the Fly port, the evidence recorder, the cleanup ledger and the
 * manifest. Ports are created lazily; anything that owns a resource registers its undo in
 * {@link #cleanup()}.
 */
public final class ScenarioWorld {

  private final SuiteRuntime runtime = SuiteRuntime.get();
  private final Redactor redactor = new Redactor();
  private final Evidence evidence = new Evidence(redactor);
  private final CleanupLedger cleanup = new CleanupLedger();
  private final ScenarioManifest manifest = new ScenarioManifest();
  private OrgSlice slice;
  private FlyPort fly;
  private ControlPlaneSession mcp;
  private ClerkPort clerk;
  private NfsPort nfs;
  private RouterProbe router;
  private ExecPort exec;
  private FaultPort faults;

  public ScenarioWorld() {
    Profile p = runtime.profile();
    p.requiredSecrets().forEach(v -> redactor.secret(p.secret(v)));
    runtime.stack().ifPresent(s -> {
      redactor.secret(s.flyToken());
      redactor.secret(s.component(LocalClerk.class).secretKey());
    });
  }

  /** Called by the scenario hook before the first step. */
  public void begin(String name, Collection<String> tags, Consumer<Evidence.Attachment> reportSink) {
    evidence.sink(reportSink);
    // On the embedded stack every scenario gets its own slice; on Fly the run shares one.
    String sliceId = profile().embedded() ? OrgSlice.newRunId() : runtime.runId();
    this.slice = OrgSlice.of(profile(), sliceId);
    manifest.put("scenario", name).put("tags", List.copyOf(tags)).put("profile", profile().name())
        .put("target", profile().target().name().toLowerCase()).put("strategy", profile().strategy())
        .put("org_prefix", slice.prefix()).put("domain", slice.domain()).put("apps", slice.apps())
        .put("run_id", runtime.runId());
  }

  public Profile profile() { return runtime.profile(); }
  public OrgSlice slice() { return slice; }
  public Evidence evidence() { return evidence; }
  public Redactor redactor() { return redactor; }
  public CleanupLedger cleanup() { return cleanup; }
  public ScenarioManifest manifest() { return manifest; }
  public SuiteRuntime runtime() { return runtime; }

  /** The embedded stack; steps tagged {@code @local-only} may use it, others must not. */
  public EmbeddedStack stack() {
    return runtime.stack().orElseThrow(() -> new IllegalStateException(
        "this step needs the embedded stack (tag the scenario @local-only); profile '" + profile().name() + "' targets Fly"));
  }

  public synchronized FlyPort fly() {
    if (fly == null) fly = createFly();
    return fly;
  }

  /** Clerk's Backend API: the embedded stack's local Clerk, or the real one from CLERK_* variables. */
  public synchronized ClerkPort clerk() {
    if (clerk == null) {
      Consumer<String> transcript = line -> evidence.log("clerk-api.txt", line);
      clerk = runtime.stack().map(s -> s.component(LocalClerk.class))
          .<ClerkPort>map(c -> new ClerkBackendApi(c.apiUrl(), c.secretKey(), c.signInUrl(), redactor, transcript))
          .orElseGet(() -> ClerkBackendApi.fromEnvironment(System.getenv(), redactor, transcript));
    }
    return clerk;
  }

  /** The shared NFS volume (local directory adapter on the embedded stack). */
  public synchronized NfsPort nfs() {
    if (nfs == null) nfs = LocalPorts.nfs(stack(), slice);
    return nfs;
  }

  /** HTTP through the public edge: the embedded edge listener, or Fly's own proxy. */
  public synchronized RouterProbe router() {
    if (router == null) router = new RouterProbe(runtime.stack().map(s -> s.endpoints().get("edge")), evidence);
    return router;
  }

  /** Exec's change notification over the private network. */
  public synchronized ExecPort exec() {
    if (exec == null) exec = LocalPorts.exec(stack(), slice, profile().duration("timeouts.await"), evidence);
    return exec;
  }

  /** Faults Fly cannot inject (embedded stack only). */
  public synchronized FaultPort faults() {
    if (faults == null) faults = LocalPorts.faults(stack(), evidence);
    return faults;
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
    return Awaitility.await(what).atMost(bound).pollDelay(Duration.ZERO).pollInterval(profile().duration("timeouts.poll"));
  }

  public Duration bootBound() {
    return profile().duration("timeouts.boot");
  }

  private FlyPort createFly() {
    Profile p = profile();
    String api = p.embedded() ? stack().machinesApiUrl() : p.string("fly.api.url");
    String logs = p.embedded() ? stack().machinesApiUrl() : p.string("fly.logs.url");
    String token = p.embedded() ? stack().flyToken() : p.secret(p.string("fly.token.env"));
    redactor.secret(token);
    FlyPort rest = new FlyMachinesRest(api, logs, token, p.duration("timeouts.api-retry"), bootBound(),
        line -> evidence.log("fly-api-calls.txt", line));
    return p.string("fly.backend").equals("mcp") ? new FlyViaMcp(rest, () -> mcp().port()) : rest;
  }
}
