package io.artifact.e2e.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.provision.SliceCredentials;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.e2e.world.CleanupLedger;
import io.artifact.e2e.world.LocalPorts;
import io.artifact.e2e.world.LocalStack;
import io.artifact.e2e.world.OrgSlice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the embedded stack with one provisioned org slice, prints a JSON line with every
 * endpoint, app name and local token, and runs until Ctrl-C / SIGTERM, then stops cleanly.
 */
@Command(name = "up", description = "Start the embedded stack and print its endpoints as one JSON line.", mixinStandardHelpOptions = true)
public final class StackUpCommand implements Callable<Integer> {

  @Option(names = "--env", description = "Profile name (default: -Denv, E2E_ENV, or local). Must target the embedded stack.")
  String env;

  @Option(names = "--exit-after-start", hidden = true, description = "Print the line and stop (for tests).")
  boolean exitAfterStart;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ProfileLoader loader = ProfileLoader.fromProcess();
    Profile profile = loader.load(env != null ? env : loader.requestedName());
    if (!profile.embedded()) {
      throw new ProfileException("profile '" + profile.name() + "' targets Fly (" + profile.source() + ": target=fly); stack up needs an embedded profile such as local");
    }
    EmbeddedStack stack = LocalStack.start(profile);
    CountDownLatch stopped = new CountDownLatch(1);
    // closing the stack removes every app, Machine and volume with it: nothing outlives the process
    Thread hook = new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "stack-up-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    OrgSlice slice = OrgSlice.of(profile, OrgSlice.newRunId());
    FlyMachinesRest fly = new FlyMachinesRest(stack.machinesApiUrl(), stack.machinesApiUrl(), stack.flyToken(),
        profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    SliceProvisioner.create(SliceBlueprint.of(profile, slice, SliceCredentials.of(profile, java.util.Optional.of(stack))), fly,
        java.util.Optional.of(LocalPorts.nfs(stack, slice)), new CleanupLedger(),
        profile.duration("timeouts.boot"));
    spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(describe(profile, stack, slice)));
    spec.commandLine().getOut().flush();
    if (exitAfterStart) {
      Runtime.getRuntime().removeShutdownHook(hook);
      hook.run();
      return 0;
    }
    stopped.await();
    return 0;
  }

  static Map<String, Object> describe(Profile profile, EmbeddedStack stack, OrgSlice slice) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("profile", profile.name());
    out.put("endpoints", stack.endpoints());
    out.put("base_domain", slice.domain());
    out.put("org_prefix", slice.prefix());
    Map<String, String> apps = new LinkedHashMap<>();
    apps.put("nfs", slice.nfsApp());
    apps.put("router", slice.routerApp());
    apps.put("exec", slice.execApp());
    apps.put("worker_pool", slice.workerPoolApp());
    out.put("apps", apps);
    // local development tokens only: they die with the process and open nothing outside loopback
    io.artifact.flyemu.clerk.LocalClerk clerk = stack.component(io.artifact.flyemu.clerk.LocalClerk.class);
    out.put("tokens", Map.of("fly_api_token", stack.flyToken(), "clerk_secret_key", clerk.secretKey(),
        "clerk_publishable_key", clerk.publishableKey(),
        "mcp_org_token", stack.component(io.artifact.flyemu.mcp.ControlPlane.class).orgToken()));
    out.put("env", Map.of("FLY_FLAPS_BASE_URL", stack.machinesApiUrl(), "FLY_API_BASE_URL", stack.machinesApiUrl(),
        "FLY_API_TOKEN", stack.flyToken()));
    return out;
  }
}
