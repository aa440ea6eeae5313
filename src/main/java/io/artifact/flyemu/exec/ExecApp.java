package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.apps.ArtifactApp;
import io.artifact.flyemu.edge.FlyReplay;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.Poller;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.InstanceFiles;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code fly-exec} image (stack-contract.md §3): {@code POST /changed/<computer>} runs a
 * reconcile pass through the per-computer queue and answers {@code {"changeCount": n}}. It is
 * also the replay bridge (§3.7 DOC): a request the edge could not deliver to its instance comes
  * here, exec reconciles that computer and replays the request back to the router. New Machines
  * start on the newest valid release ({@link Releases}). A change it cannot read because NFS is
  * away is answered 503 + Retry-After and retried with backoff ({@link NfsRetries}). Its variants
  * ({@link ExecVariants}) each replace one part of that.
 */
public final class ExecApp extends ArtifactApp {

  public static final String IMAGE = "fly-exec";
  private static final Pattern CHANGED = Pattern.compile("/changed/([^/]+)/?");

  private final ExecVariant variant;
  private final NfsOutages outages;
  private volatile ExecutorService workers;
  private volatile ReconcileQueue<Integer> queue;
  private volatile Reconciler reconciler;
  private volatile ExecSettings settings;
  private volatile NfsRetries nfsRetries;
  private volatile String misconfigured;

  public ExecApp(ImageRef image) {
    super(image);
    this.variant = ExecVariants.VARIANTS.of(image);
    this.outages = variant.nfsOutages(NfsOutages.BACK_OFF);
  }

  @Override
  protected Alarm alarm(AppRuntime rt) {
    return variant.alarm(super.alarm(rt));
  }

  @Override
  public void start(AppRuntime rt) {
    super.start(rt);
    AtomicInteger n = new AtomicInteger();
    workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "exec-" + rt.instanceId() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    queue = new ReconcileQueue<>(workers);
    try {
      settings = ExecSettings.from(rt);
    } catch (IllegalStateException e) {
      misconfigured = e.getMessage();
      rt.logError(misconfigured);
      return;
    }
    Reconciler.Strategies strategies = variant.strategies(Reconciler.Strategies.doc(settings.maxBootAttempts()));
    WorkerPool pool = new FlyMachinesClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        settings.apiUrl(), settings.poolApp(), settings.token(), settings.workerEnv());
    AgentLoader loader = new McpAgentLoader(rt.network(), settings.poolApp(), pool,
        new Poller(rt.scheduler(), workers), settings.pingInterval(), settings.pingTimeout());
    InstanceFiles files = new InstanceFiles(rt.nfs(settings.dcNfs()));
    // the agent image's releases (DC_AGENT_IMAGE, host-coder as the router defaults it) on the share exec mounts
    String agentImage = rt.env("DC_AGENT_IMAGE").orElse("host-coder");
    NfsRoot share = rt.nfs(settings.dcNfs());
    Releases releases = variant.releases(new ManifestReleases(share, agentImage, rt::log), share, agentImage);
    reconciler = new Reconciler(files, pool, loader, strategies, rt::log, this::retryLater, releases);
    nfsRetries = new NfsRetries(rt.scheduler(), settings.retryBackoff(), settings.nfsRetries(),
        c -> queue.enqueue(c, () -> reconciler.reconcile(c)), rt::log);
    if (nfsWatch != null) nfsWatch.onRecovery(nfsRetries::resumeAll);
  }

  @Override
  public HttpResponse serve(HttpRequest request) throws Exception {
    if (request.path().equals("/_healthz") || request.path().equals("/_readyz")) return super.serve(request);
    request.header("fly-replay-src").ifPresent(src -> runtime.log("replayed from: " + src));
    if (request.header("fly-replay-failed").isPresent()) return bridge(request);
    Matcher m = CHANGED.matcher(request.path());
    if (request.method().equals("POST") && m.matches()) return changed(m.group(1));
    return HttpResponse.text(404, "404 Not Found");
  }

  private HttpResponse changed(String computer) throws InterruptedException {
    if (misconfigured != null) return ExecErrors.misconfigured(misconfigured);
    try {
      int count = queue.enqueue(computer, () -> reconciler.reconcile(computer))
          .get(settings.kickTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return HttpResponse.json(200, "{\"changeCount\":" + count + "}");
    } catch (ExecutionException e) {
      deferWhileNfsIsAway(computer, e.getCause());
      return ExecErrors.toResponse(e.getCause(), runtime, outages);
    } catch (TimeoutException e) {
      return ExecErrors.toResponse(e, runtime, outages);
    }
  }

  private void retryLater(String computer) {
    runtime.scheduler().schedule(settings.retryBackoff(), () -> queue.enqueue(computer, () -> reconciler.reconcile(computer))
        .whenComplete((n, e) -> {
          if (!deferWhileNfsIsAway(computer, e) && e != null) runtime.logError("retry of " + computer + " failed: " + e.getMessage());
        }));
  }

  /** A change NFS's absence kept exec from reading is retried once the mount is back, if the image's outage strategy retries. */
  private boolean deferWhileNfsIsAway(String computer, Throwable e) {
    if (!(e instanceof NfsUnavailableException) || !outages.retries()) return false;
    nfsRetries.defer(computer);
    return true;
  }

  /** The replay bridge: reconcile the agent's computer, then send the request back to the router. */
  private HttpResponse bridge(HttpRequest request) throws InterruptedException {
    runtime.log("replay bridge for " + request.host() + ": " + request.header("fly-replay-failed").orElse(""));
    if (settings == null || settings.routerApp().isEmpty()) {
      return HttpResponse.text(502, "replay bridge: DC_ROUTER is not set, cannot replay back");
    }
    String label = request.host().split("\\.", 2)[0];
    int dashes = label.indexOf("--");
    if (dashes >= 0) changed(label.substring(dashes + 2));
    return FlyReplay.toApp(settings.routerApp().get(), "bridged").toResponse();
  }

  @Override
  public void shutdown() {
    super.shutdown();
    ExecutorService w = workers;
    if (w != null) w.shutdownNow();
  }
}
