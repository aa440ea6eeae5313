package io.artifact.e2e.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.provision.OutsideAppEnv;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.provision.SliceCredentials;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.sweep.RunLease;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.EmbeddedTargets;
import io.artifact.e2e.target.ExternalTargets;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.world.CleanupLedger;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.TargetPorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Starts the embedded stack with one provisioned org slice, prints a JSON line with every
 * endpoint, app name, local token and the env a router or exec run outside would need, and runs
 * until Ctrl-C / SIGTERM, then stops cleanly. With {@code --image router=external+http://…} the
 * slice's router (or exec) is a process the developer runs: stack up does not wait for it, since
 * that process needs the printed env first (see {@link ExternalApps}).
 */
@Command(name = "up", description = "Start the embedded stack and print its endpoints as one JSON line.", mixinStandardHelpOptions = true)
public final class StackUpCommand implements Callable<Integer> {

  private static final Set<String> APPS = Set.of("nfs", "router", "exec", "agent");

  @Option(names = "--env", description = "Profile name (default: -Denv, E2E_ENV, or local). Must target the embedded stack.")
  String env;

  @Option(names = "--image", paramLabel = "APP=REF", description = "The image an app of the slice runs (nfs, router, exec, agent), "
      + "like -De2e.image.<app>=REF; e.g. router=external+http://127.0.0.1:18080 for a router run outside (stack app).")
  Map<String, String> images = new LinkedHashMap<>();

  @Option(names = "--exit-after-start", hidden = true, description = "Print the line and stop (for tests).")
  boolean exitAfterStart;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ProfileLoader loader = new ProfileLoader(Path.of("env"), System.getenv(), withImages());
    Profile profile = loader.load(env != null ? env : loader.requestedName());
    if (!profile.embedded()) {
      throw new ProfileException("profile '" + profile.name() + "' is not embedded (" + profile.source() + ": target=" + profile.string("target") + "); stack up needs an embedded profile such as local");
    }
    Target target = EmbeddedTargets.start(profile);
    OrgSlice slice = OrgSlice.of(profile, OrgSlice.newRunId());
    // the slice carries a run id like any run's: a lease keeps a sweep of this stack off it while stack up lives
    RunLease lease = RunLease.acquire(RunLease.dir(profile), slice.run(), profile.name(), slice.prefix(), RunLease.heartbeat(profile),
        java.time.Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    // closing the target stops the stack, which removes every app, Machine and volume with it: nothing outlives the process
    Thread hook = new Thread(() -> {
      lease.close();
      target.close();
      stopped.countDown();
    }, "stack-up-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    FlyPort fly = TargetPorts.fly(target, profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    // stack up creates the slice whatever the strategy (it plays the ops team that stood a long-lived org up)
    SliceBlueprint blueprint = SliceBlueprint.of(profile, slice, SliceCredentials.of(target), true);
    SliceProvisioner.create(blueprint, fly, Optional.of(TargetPorts.nfs(target, slice, () -> fly)), new CleanupLedger(),
        profile.duration("timeouts.boot"));
    spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(describe(profile, target, slice, fly, blueprint)));
    spec.commandLine().getOut().flush();
    ExternalApps.announce(profile, blueprint, target, nfsRoot(target, slice, fly), fly, spec.commandLine().getErr());
    if (exitAfterStart) {
      Runtime.getRuntime().removeShutdownHook(hook);
      hook.run();
      return 0;
    }
    stopped.await();
    return 0;
  }

  /** The process's system properties with {@code --image app=ref} as {@code e2e.image.app} overrides. */
  private Properties withImages() {
    Properties props = new Properties();
    props.putAll(System.getProperties());
    images.forEach((app, ref) -> {
      if (!APPS.contains(app)) throw new ParameterException(spec.commandLine(), "--image " + app + "=…: the slice's apps are " + APPS);
      props.setProperty("e2e.image." + app, ref);
    });
    return props;
  }

  static Map<String, Object> describe(Profile profile, Target target, OrgSlice slice, FlyPort fly, SliceBlueprint blueprint) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("profile", profile.name());
    out.put("endpoints", target.endpoints());
    out.put("base_domain", slice.domain());
    out.put("org_prefix", slice.prefix());
    out.put("org_slug", slice.org());
    out.put("run_id", slice.run());
    Map<String, String> apps = new LinkedHashMap<>();
    apps.put("nfs", slice.nfsApp());
    apps.put("router", slice.routerApp());
    apps.put("exec", slice.execApp());
    apps.put("worker_pool", slice.workerPoolApp());
    out.put("apps", apps);
    // the provisioned slice's share, for programs run beside the stack (an external router or exec)
    String nfsRoot = nfsRoot(target, slice, fly);
    out.put("nfs_root", nfsRoot);
    out.put("images", ordered("router", blueprint.routerImage(), "exec", blueprint.execImage()));
    out.put("capabilities", target.capabilities().stream().map(Capability::id).toList());
    // local development tokens only: they die with the process and open nothing outside loopback
    out.put("tokens", target.credentials());
    String api = target.endpoint(Target.MACHINES_API).orElseThrow();
    String token = target.secret(Target.FLY_API_TOKEN).orElseThrow();
    out.put("env", Map.of("FLY_FLAPS_BASE_URL", api, "FLY_API_BASE_URL", api, "FLY_API_TOKEN", token,
        "HTTP_PROXY", "http://" + target.endpoint(Target.PRIVATE_NETWORK_PROXY).orElseThrow()));
    // what the slice's router and exec would need as processes of their own (stack app, or the real apps)
    out.put("app_env", ordered("router", OutsideAppEnv.router(blueprint, target, nfsRoot), "exec", OutsideAppEnv.exec(blueprint, target, nfsRoot)));
    return out;
  }

  private static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
    Map<String, V> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static String nfsRoot(Target target, OrgSlice slice, FlyPort fly) {
    String volume = fly.listVolumes(slice.nfsApp()).get(0).id();
    return target.endpoint(Target.NFS_ROOT).orElseThrow().replace(ExternalTargets.VOLUME, volume);
  }
}
