package io.artifact.flyemu.edge;

import io.artifact.flyemu.Durations;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackComponent;
import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fly Proxy for public traffic: routes by host (certificates, exact then wildcard) to a started
 * Machine of the app, autostarting one if needed, and performs fly-replay (fly-facts.md §7): the
 * original request goes to the named app/instance with {@code fly-replay-src} and
 * {@code Fly-Forwarded-Port}. A named instance that is gone or cannot start is handed to the
 * replay bridge, the exec app the issuing Machine's {@code DC_EXEC} names (stack-contract.md §3.7
 * DOC), with {@code fly-replay-failed}; with no bridge it is a proxy error. Clients use the edge
 * as an HTTP forward proxy ({@code http://<host>/…}) or send a Host header.
 */
public final class Edge implements StackComponent, HttpHandler {

  static final int MAX_REPLAYS = 10;

  private FlyPlatform fly;
  private Targets targets;
  private HttpListener listener;
  private Autostop autostop;

  public Edge() {}

  Edge(FlyPlatform fly, Duration autostartTimeout) {
    this.fly = fly;
    this.targets = new Targets(autostartTimeout);
  }

  @Override
  public void start(EmbeddedStack stack) {
    this.fly = stack.platform();
    this.targets = new Targets(stack.settings().autostartTimeout());
    this.listener = stack.listen(HttpListener.start("edge", this));
    // the defective edge is the same proxy without its autostop loop
    if (EdgeDefect.parse(stack.settings().extra("edge.defect", "none")) != EdgeDefect.NEVER_SUSPEND) {
      autostop = new Autostop(fly, Durations.parse("stack.idle-window", stack.settings().extra("idle-window", "5m")));
      autostop.start();
    }
  }

  @Override
  public Map<String, String> endpoints() {
    return Map.of("edge", listener.baseUrl());
  }

  @Override
  public void close() {
    if (autostop != null) autostop.close();
  }

  @Override
  public HttpResponse handle(HttpRequest incoming) throws Exception {
    Optional<App> app = fly.appForHostname(incoming.host());
    if (app.isEmpty()) return ProxyError.of(404, "PA04", "no app is configured for host " + incoming.host());
    HttpRequest request = fromPublic(incoming);
    Optional<Machine> machine = targets.any(app.get(), null);
    if (machine.isEmpty()) return ProxyError.of(503, "PR03", "no machine of " + app.get().name() + " could serve the request");
    return serve(machine.get(), request, Instant.now());
  }

  private HttpResponse serve(Machine first, HttpRequest request, Instant began) throws Exception {
    Machine current = first;
    for (int hop = 0; ; hop++) {
      HttpResponse response = call(current, request);
      Optional<FlyReplay> replay;
      try {
        replay = FlyReplay.from(response);
      } catch (IllegalArgumentException e) {
        return ProxyError.of(502, "PA03", e.getMessage());
      }
      if (replay.isEmpty()) return response;
      if (hop >= MAX_REPLAYS) return ProxyError.of(502, "PA03", "more than " + MAX_REPLAYS + " chained replays");
      FlyReplay r = replay.get();
      String appName = r.app() != null ? r.app() : current.app().name();
      Optional<App> app = fly.findApp(appName).filter(a -> a.org().equals(first.app().org()));
      if (app.isEmpty()) return ProxyError.of(502, "PA02", "replay target app " + appName + " not found in this organization");
      request = request.withHeader("fly-replay-src", source(current, r));
      Optional<Machine> next = r.instance() != null ? targets.instance(app.get(), r.instance())
          : r.preferInstance() != null ? targets.instance(app.get(), r.preferInstance()).or(() -> anyQuietly(app.get(), null))
          : targets.any(app.get(), r.elsewhere() ? current.id() : null);
      if (next.isEmpty() && r.instance() != null) {
        Optional<Machine> bridge = bridge(current);
        if (bridge.isEmpty()) return ProxyError.of(502, "PR02", "machine " + r.instance() + " of " + appName + " is not available");
        request = request.withHeader("fly-replay-failed", "instance=" + r.instance() + ";app=" + appName + ";region=" + current.region()
            + ";replay_source=" + current.id() + ";reason=no_candidate;elapsed_ms=" + Duration.between(began, Instant.now()).toMillis());
        next = bridge;
      }
      if (next.isEmpty()) return ProxyError.of(503, "PR04", "no machine of " + appName + " could take the replay");
      current = next.get();
    }
  }

  private Optional<Machine> bridge(Machine issuer) throws InterruptedException {
    String dcExec = issuer.config().path("env").path("DC_EXEC").asText("");
    if (dcExec.isEmpty()) return Optional.empty();
    Optional<App> exec = fly.findApp(dcExec.replaceFirst("\\.(flycast|internal)$", ""));
    return exec.isEmpty() ? Optional.empty() : targets.any(exec.get(), null);
  }

  private Optional<Machine> anyQuietly(App app, String except) {
    try {
      return targets.any(app, except);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private HttpResponse call(Machine m, HttpRequest request) {
    var program = m.runningProgram();
    if (program == null) return ProxyError.of(502, "PC01", "machine " + m.id() + " is " + m.state().wire());
    try {
      return fly.load().serve(m, () -> program.serve(request));
    } catch (Exception e) {
      return ProxyError.of(502, "PC01", "machine " + m.id() + " failed to answer: " + e.getMessage());
    }
  }

  private static String source(Machine issuer, FlyReplay r) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return "instance=" + issuer.id() + ";region=" + issuer.region() + ";t=" + micros + (r.state() == null ? "" : ";state=" + r.state());
  }

  /** Drops proxy headers a client must not forge and adds the forwarded port (443 behind Fly's TLS). */
  private static HttpRequest fromPublic(HttpRequest r) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    r.headers().forEach((k, v) -> {
      if (!k.startsWith("fly-")) headers.put(k, v);
    });
    int port = r.port() <= 0 || r.port() == 80 || r.port() == 443 ? 443 : r.port();
    headers.put("fly-forwarded-port", List.of(String.valueOf(port)));
    headers.put("x-forwarded-proto", List.of("https"));
    return new HttpRequest(r.method(), r.scheme(), r.host(), r.port(), r.path(), r.rawQuery(), headers, r.body());
  }
}
