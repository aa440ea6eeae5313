package io.artifact.e2e.cli;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.provision.OutsideAppEnv;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.target.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code stack up} tells a developer about slice apps whose image runs outside the platform
 * ({@code external+http://…}): their Machine starts only once that process accepts connections
 * (within {@code stack.external.boot-timeout}), and the process needs the env stack up prints — so
 * stack up does not wait for them. It prints (on stderr, the JSON line stays alone on stdout) a
 * command that starts each one with its env, then reports in the background when its Machine started.
 */
final class ExternalApps {

  private ExternalApps() {}

  static void announce(Profile profile, SliceBlueprint bp, Target target, String nfsRoot, FlyPort fly, PrintWriter err) {
    Duration boot = profile.optionalDuration("stack.external.boot-timeout").orElse(Duration.ofSeconds(10));
    announce("router", bp.routerImage(), bp.slice().routerApp(), OutsideAppEnv.router(bp, target, nfsRoot), boot, fly, err);
    announce("exec", bp.execImage(), bp.slice().execApp(), OutsideAppEnv.exec(bp, target, nfsRoot), boot, fly, err);
  }

  private static void announce(String role, String image, String app, Map<String, String> env, Duration boot, FlyPort fly, PrintWriter err) {
    if (!SliceBlueprint.runsOutside(image)) return;
    print(err, "stack up: the " + role + " runs outside the platform (" + image + "); its Machine starts once that URL accepts connections,"
        + " within stack.external.boot-timeout (" + boot.toMillis() + " ms). Start it now, e.g.:\n  " + command(role, env));
    Thread watch = new Thread(() -> watch(role, app, boot, fly, err), "stack-up-watch-" + role);
    watch.setDaemon(true);
    watch.start();
  }

  /** One shell line: the env (single-quoted values; none contain a quote) and the emulator's own image of that app. */
  static String command(String role, Map<String, String> env) {
    return "env " + env.entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'").collect(Collectors.joining(" "))
        + " java -jar target/artifact-e2e.jar stack app --image registry.fly.io/fly-" + role + ":doc";
  }

  private static void watch(String role, String app, Duration boot, FlyPort fly, PrintWriter err) {
    try {
      MachineInfo m = fly.listMachines(app).get(0);
      fly.awaitState(app, m.id(), "started", boot.plusSeconds(5));
      print(err, "stack up: the " + role + " Machine " + m.id() + " started: its process accepts connections");
    } catch (RuntimeException e) {
      print(err, "stack up: the " + role + " Machine did not start (" + e.getMessage() + "); once its process runs, the next request"
          + " through the edge or the private network starts it");
    }
  }

  private static void print(PrintWriter err, String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
