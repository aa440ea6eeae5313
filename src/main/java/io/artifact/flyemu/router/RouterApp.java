package io.artifact.flyemu.router;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.apps.ArtifactApp;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.Poller;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.UnaryOperator;

/**
 * The {@code fly-router} image: the health endpoints every stack app has, then the router flow.
 * Tags {@code defect-skip-auth}, {@code defect-wrong-instance}, {@code defect-no-backoff} (an NFS
 * outage is the real router's 500, G20 IMPL), {@code defect-no-alert} (an outage past the grace
 * period raises no alert), {@code defect-no-kick-retry} (one kick, no retry under network faults)
 * {@code defect-any-secret} (a refused secret key lets tokens in unverified), {@code defect-no-access-check}
 * (any signed-in user reaches any computer, G7) and the {@link LaxSessions} tags (one kind of bad
 * session let through each) select defective variants.
 */
public final class RouterApp extends ArtifactApp {

  public static final String IMAGE = "fly-router";
  static final String SKIP_AUTH = "defect-skip-auth";
  static final String WRONG_INSTANCE = "defect-wrong-instance";
  static final String NO_BACKOFF = "defect-no-backoff";
  static final String NO_KICK_RETRY = "defect-no-kick-retry";
  static final String ANY_SECRET = "defect-any-secret";
  static final String NO_ACCESS_CHECK = "defect-no-access-check";
  /** The defect tags this image implements; any other {@code defect-*} tag does not exist. */
  public static final Set<String> DEFECTS = Stream.concat(Stream.of(SKIP_AUTH, WRONG_INSTANCE, NO_BACKOFF, NO_ALERT, NO_KICK_RETRY,
      ANY_SECRET, NO_ACCESS_CHECK), LaxSessions.VARIANTS.keySet().stream()).collect(Collectors.toUnmodifiableSet());

  private volatile Router router;
  private volatile String misconfigured;
  /** The answer as the image gives it: as is, or (defect-no-backoff) with the back-off turned into a 500. */
  private volatile UnaryOperator<HttpResponse> answers = UnaryOperator.identity();

  public RouterApp(ImageRef image) {
    super(image);
  }

  @Override
  public void start(AppRuntime rt) {
    super.start(rt);
    if (image.tag().equals(NO_BACKOFF)) answers = RouterErrors::withoutBackoff;
    RouterSettings settings;
    try {
      settings = RouterSettings.from(rt);
    } catch (IllegalStateException e) {
      misconfigured = e.getMessage();
      rt.logError(misconfigured);
      return;
    }
    UnaryOperator<ClerkAuthenticator> check = image.tag().equals(ANY_SECRET) ? AnySecretClerk::new
        : LaxSessions.VARIANTS.getOrDefault(image.tag(), UnaryOperator.identity());
    ClerkGate gate = new ClerkGate(rt.clerk().map(check), settings.clerkEnv(rt.env()), settings.signInUrl(), rt::log, image.tag().equals(SKIP_AUTH));
    ComputerStore store = new ComputerStore(rt.nfs(settings.dcNfs()));
    ExecNotifier exec = new ExecNotifier(rt.network(), settings.dcExec(), rt::logError);
    ExecPort kicks = image.tag().equals(NO_KICK_RETRY) ? exec : KickRetry.from(exec, rt);
    AgentLanding landing = new AgentLanding(store, kicks, new Poller(rt.scheduler(), Runnable::run), settings);
    AccessCheck access = image.tag().equals(NO_ACCESS_CHECK) ? AccessCheck.ANYONE : AccessCheck.OWN_COMPUTER_ONLY;
    router = new Router(gate, store, exec, landing, settings, image.tag().equals(WRONG_INSTANCE), access, rt::logError);
  }

  @Override
  public HttpResponse serve(HttpRequest request) throws Exception {
    if (request.path().equals("/_healthz") || request.path().equals("/_readyz")) return super.serve(request);
    HttpResponse response = misconfigured != null ? HttpResponse.text(500, misconfigured) : answers.apply(router.handle(request));
    runtime.log(request.method() + " " + request.host() + request.path() + " " + response.status());
    return response;
  }
}
