package io.artifact.flyemu.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.Check;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.util.List;

/**
 * An Artifact app that boots, mounts NFS (sync) and reports its health: the shape every stack app
 * shares. It answers {@code /_healthz} and {@code /_readyz} (router URLS.md, DOC) and exposes an
 * {@code nfs} check on its Machine, which the Phase 0 baseline reads. It runs in an embedded
 * Machine or as a process of its own; either way it sees only its {@link AppRuntime}.
 */
public class ArtifactApp implements MachineProgram {

  private static final ObjectMapper JSON = new ObjectMapper();

  protected final ImageRef image;
  protected volatile AppRuntime runtime;
  /** The NFS mount over time (outage, alert, recovery); null when {@code DC_NFS} is not set. */
  protected volatile NfsWatch nfsWatch;

  public ArtifactApp(ImageRef image) {
    this.image = image;
  }

  /** Booted by the platform: the Machine's env and the platform's services. */
  @Override
  public final void boot(MachineRuntime machine) {
    start(new PlatformRuntime(machine));
  }

  /** Starts the app where {@code rt} says it runs (a Machine, or a process of its own). */
  public void start(AppRuntime rt) {
    this.runtime = rt;
    rt.log("listening on [::]:" + rt.env("PORT").orElse("8080") + " (" + image.name() + ":" + image.tag() + ")");
    rt.log(mountStatus());
    rt.env("DC_NFS").ifPresent(share -> nfsWatch = NfsWatch.start(rt, share, rt.env("FLY_APP_NAME").orElse(image.name()), alarm(rt)));
  }

  /** Where this image's alerts go: its log ({@link Alarm#log}); an image's variant may send them elsewhere. */
  protected Alarm alarm(AppRuntime rt) {
    return Alarm.log(rt);
  }

  /** "mount ok" or the reason the share cannot be mounted (the stack's boot mount, re-checked). */
  protected String mountStatus() {
    try {
      runtime.nfs(runtime.env("DC_NFS").orElse(null)).path();
      return "mount ok";
    } catch (NfsUnavailableException e) {
      return e.getMessage();
    }
  }

  @Override
  public List<Check> checks() {
    String status = mountStatus();
    // the app's own view: until its watch has seen the share come back, its outage (and alert clock) is still on
    if (status.equals("mount ok") && nfsWatch != null && nfsWatch.down()) status = "mount back, outage not yet seen to end";
    return List.of(status.equals("mount ok") ? Check.passing("nfs", status) : Check.critical("nfs", status));
  }

  @Override
  public void shutdown() {
    NfsWatch w = nfsWatch;
    if (w != null) w.close();
  }

  @Override
  public HttpResponse serve(HttpRequest request) throws Exception {
    if (request.path().equals("/_healthz")) return HttpResponse.json(200, "{\"status\":\"ok\"}");
    if (request.path().equals("/_readyz")) {
      String status = mountStatus();
      ObjectNode n = JSON.createObjectNode().put("status", status.equals("mount ok") ? "ready" : "not ready").put("nfs", status);
      return HttpResponse.json(status.equals("mount ok") ? 200 : 503, JSON.writeValueAsString(n));
    }
    return HttpResponse.text(404, "404 Not Found");
  }
}
