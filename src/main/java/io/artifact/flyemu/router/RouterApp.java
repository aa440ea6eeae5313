package io.artifact.flyemu.router;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.apps.ArtifactApp;
import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.Poller;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import java.util.function.UnaryOperator;

/**
 * The {@code fly-router} image: the health endpoints every stack app has, then the router flow.
 * Its variants ({@link RouterVariants}) each replace one part of that flow.
 */
public final class RouterApp extends ArtifactApp {

  public static final String IMAGE = "fly-router";

  private final RouterVariant variant;
  private volatile Router router;
  private volatile String misconfigured;
  private volatile UnaryOperator<HttpResponse> answers = UnaryOperator.identity();

  public RouterApp(ImageRef image) {
    super(image);
    this.variant = RouterVariants.VARIANTS.of(image);
  }

  @Override
  protected Alarm alarm(AppRuntime rt) {
    return variant.alarm(super.alarm(rt));
  }

  @Override
  public void start(AppRuntime rt) {
    super.start(rt);
    answers = variant.answers(UnaryOperator.identity());
    RouterSettings settings;
    try {
      settings = RouterSettings.from(rt);
    } catch (IllegalStateException e) {
      misconfigured = e.getMessage();
      rt.logError(misconfigured);
      return;
    }
    Gate gate = variant.gate(new ClerkGate(variant.clerk(rt.clerk()), rt.env(), settings.signInUrl(), rt::log), rt.env(), rt::logError);
    ComputerStore store = new ComputerStore(rt.nfs(settings.dcNfs()));
    ExecNotifier exec = new ExecNotifier(rt.network(), settings.dcExec(), rt::logError);
    ExecPort kicks = variant.kicks(KickRetry.from(exec, rt), exec);
    AgentLanding landing = new AgentLanding(store, kicks, new Poller(rt.scheduler(), Runnable::run), settings);
    router = new Router(gate, store, exec, landing, settings, variant.replayTarget(UnaryOperator.identity(), store), rt::logError);
  }

  @Override
  public HttpResponse serve(HttpRequest request) throws Exception {
    if (request.path().equals("/_healthz") || request.path().equals("/_readyz")) return super.serve(request);
    HttpResponse response = misconfigured != null ? HttpResponse.text(500, misconfigured) : answers.apply(router.handle(request));
    runtime.log(request.method() + " " + request.host() + request.path() + " " + response.status());
    return response;
  }
}
