package io.artifact.flyemu.net;

import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The org's private network (6PN) as one loopback HTTP forward proxy. Programs reach each other
 * by Fly's internal names, exactly as on Fly: {@code <app>.flycast} (load-balanced, autostarts a
 * stopped or suspended Machine), {@code <app>.internal} and {@code <machine>.vm.<app>.internal}
 * (direct; a Machine that is not started refuses the connection).
 */
public final class PrivateNetwork implements HttpHandler {

  private final FlyPlatform fly;
  private final Duration autostartTimeout;
  private final NetworkFaults faults;
  private final FaultProxies proxies;

  public PrivateNetwork(FlyPlatform fly, Duration autostartTimeout, NetworkFaults faults) {
    this(fly, autostartTimeout, faults, null);
  }

  /** With fault proxies: traffic to a host one stands in front of (with a toxic set) goes through it. */
  public PrivateNetwork(FlyPlatform fly, Duration autostartTimeout, NetworkFaults faults, FaultProxies proxies) {
    this.fly = fly;
    this.autostartTimeout = autostartTimeout;
    this.faults = faults;
    this.proxies = proxies;
    if (proxies != null) proxies.network(this);
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    String host = request.host();
    if (proxies != null && request.header(FaultProxy.HOP).isEmpty()) {
      Optional<FaultProxy> proxy = proxies.routing(host);
      if (proxy.isPresent()) return proxy.get().relay(request);
    }
    Optional<HttpResponse> fault = faults.apply(host);
    if (fault.isPresent()) return fault.get();
    if (host.endsWith(".flycast")) return viaFlycast(host.substring(0, host.length() - ".flycast".length()), request);
    if (host.endsWith(".internal")) return direct(host.substring(0, host.length() - ".internal".length()), request);
    return unreachable("no such host on the private network: " + host);
  }

  private HttpResponse viaFlycast(String appName, HttpRequest request) throws Exception {
    Optional<App> app = fly.findApp(appName);
    if (app.isEmpty()) return unreachable("flycast: app " + appName + " not found");
    List<Machine> machines = app.get().machines().stream()
        .filter(m -> m.state() != MachineState.DESTROYED && m.state() != MachineState.DESTROYING).toList();
    Optional<Machine> running = machines.stream().filter(m -> m.runningProgram() != null).findFirst();
    if (running.isPresent()) return serve(running.get(), request);
    // Fly Proxy autostart: wake a stopped or suspended Machine and wait for it (bounded).
    Optional<Machine> sleeper = machines.stream()
        .filter(m -> EnumSet.of(MachineState.STOPPED, MachineState.SUSPENDED, MachineState.STARTING).contains(m.state())).findFirst();
    if (sleeper.isEmpty()) return unreachable("flycast: no machines available for " + appName);
    Machine m = sleeper.get();
    m.start();
    var started = m.when(EnumSet.of(MachineState.STARTED));
    try {
      started.get(autostartTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      started.cancel(false); // a cancelled waiter is dropped from the Machine
      return unreachable("flycast: machine " + m.id() + " did not start within " + autostartTimeout.toMillis() + " ms");
    }
    return serve(m, request);
  }

  private HttpResponse direct(String name, HttpRequest request) throws Exception {
    // <machine>.vm.<app> or <app>
    int vm = name.indexOf(".vm.");
    String appName = vm < 0 ? name : name.substring(vm + 4);
    Optional<App> app = fly.findApp(appName);
    if (app.isEmpty()) return unreachable("no such app on the private network: " + appName);
    Optional<Machine> target = vm < 0
        ? app.get().machines().stream().filter(m -> m.runningProgram() != null).findFirst()
        : app.get().machines().stream().filter(m -> m.id().equals(name.substring(0, vm))).findFirst();
    if (target.isEmpty()) return unreachable("connection refused: " + name + ".internal");
    return serve(target.get(), request);
  }

  private HttpResponse serve(Machine m, HttpRequest request) throws Exception {
    MachineProgram p = m.runningProgram();
    if (p == null) return unreachable("connection refused: machine " + m.id() + " is " + m.state().wire());
    return fly.load().serve(m, () -> p.serve(request));
  }

  private static HttpResponse unreachable(String why) {
    return HttpResponse.text(502, why).withHeader("x-e2e-network-error", "unreachable");
  }
}
