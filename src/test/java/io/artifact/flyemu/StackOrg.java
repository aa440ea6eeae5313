package io.artifact.flyemu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.Volume;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.NfsMounts;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test fixture: one org slice (NFS, exec, worker pool, router) provisioned straight on the platform domain. */
public final class StackOrg {

  private static final ObjectMapper JSON = new ObjectMapper();

  public final String prefix;
  public final String nfs;
  public final String exec;
  public final String pool;
  public final String router;
  public final String domain;
  private final EmbeddedStack stack;

  public StackOrg(EmbeddedStack stack, String prefix) {
    this.stack = stack;
    this.prefix = prefix;
    this.nfs = prefix + "-nfs";
    this.exec = prefix + "-fly-exec";
    this.pool = prefix + "-worker-pool";
    this.router = prefix + "-fly-router";
    this.domain = prefix + ".agentic.test";
  }

  public FlyPlatform fly() {
    return stack.platform();
  }

  /** NFS (with the host-coder record seeded), exec and an empty worker pool. */
  public StackOrg provisionExec(String execImage, Map<String, String> execEnv) throws Exception {
    provisionNfs();
    fly().createApp(pool, prefix);
    fly().createApp(exec, prefix);
    fly().setSecrets(exec, Map.of("DC_FLY_API_TOKEN", stack.flyToken()));
    Map<String, String> env = new LinkedHashMap<>(Map.of("DC_NFS", nfs + ".flycast", "DC_WORKER_POOL_APP", pool,
        "DC_DOMAIN", domain, "DC_EXEC", exec + ".flycast", "DC_ROUTER", router + ".flycast",
        "DC_EXEC_PING_INTERVAL_MS", "20", "DC_EXEC_RETRY_BACKOFF_MS", "100", "DC_EXEC_PING_TIMEOUT_MS", "5000"));
    env.putAll(execEnv);
    started(fly().createMachine(exec, null, null, config("registry.fly.io/fly-exec:" + execImage, env), false));
    return this;
  }

  /** The NFS app with its volume and a started server, the host-coder image record seeded. */
  public StackOrg provisionNfs() throws Exception {
    fly().createApp(nfs, prefix);
    Volume v = fly().createVolume(nfs, "nfsdata", "syd", 1);
    ObjectNode nfsConfig = config("registry.fly.io/fly-nfs:latest", Map.of());
    nfsConfig.putArray("mounts").addObject().put("volume", v.id()).put("path", "/data");
    started(fly().createMachine(nfs, null, null, nfsConfig, false));
    ComputerStore.publishImageRecord(root(), "host-coder", ImageRecord.hostCoder());
    return this;
  }

  /** A Machine of {@code app} (created if absent) whose image is {@code external+<url>}; not awaited. */
  public Machine externalMachine(String app, String url) {
    if (fly().findApp(app).isEmpty()) fly().createApp(app, prefix);
    return fly().createMachine(app, null, null, config("external+" + url, Map.of()), false);
  }

  public Machine routerMachine(String routerImage, Map<String, String> secrets, Map<String, String> extraEnv) throws Exception {
    if (fly().findApp(router).isEmpty()) fly().createApp(router, prefix);
    if (!secrets.isEmpty()) fly().setSecrets(router, secrets);
    Map<String, String> env = new LinkedHashMap<>(Map.of("DC_NFS", nfs + ".flycast", "DC_WORKER_POOL_APP", pool,
        "DC_DOMAIN", domain, "DC_EXEC", exec + ".flycast", "CLERK_SIGN_IN_URL", "https://accounts.agentic.test/sign-in",
        "DC_INSTANCE_WAIT_MS", "5000"));
    env.putAll(extraEnv);
    fly().addCertificate(router, domain);
    fly().addCertificate(router, "*." + domain);
    return started(fly().createMachine(router, null, null, config("registry.fly.io/fly-router:" + routerImage, env), false));
  }

  public Path root() {
    return fly().services().get(NfsMounts.class).mount(nfs + ".flycast");
  }

  public static Machine started(Machine m) throws Exception {
    m.when(EnumSet.of(MachineState.STARTED)).get(5, TimeUnit.SECONDS);
    return m;
  }

  private static ObjectNode config(String image, Map<String, String> env) {
    ObjectNode c = JSON.createObjectNode().put("image", image);
    ObjectNode e = c.putObject("env");
    env.forEach(e::put);
    return c;
  }
}
