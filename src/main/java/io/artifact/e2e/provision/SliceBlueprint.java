package io.artifact.e2e.provision;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.fly.MachineSpec;
import io.artifact.e2e.world.OrgSlice;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a healthy slice runs: the apps' images (from the profile) and the {@code DC_*} env each
 * app needs (stack-contract.md §7.1). Phase 0 judges a slice against this same blueprint.
 */
public record SliceBlueprint(OrgSlice slice, String nfsImage, String routerImage, String execImage, String agentImage,
    Map<String, String> tuning, SliceCredentials credentials) {

  /** The emulator's image form for a process run outside the platform: {@code external+http://host:port}. */
  public static final String EXTERNAL = "external+";

  /** The image record the router queues agents from (stack-contract.md §1.4). */
  public static final String AGENT_IMAGE_RECORD = "host-coder";

  /** Both apps' NFS outage grace period, in ms (E2E.md FAULT-050). */
  public static final String NFS_ALERT_GRACE = "DC_NFS_ALERT_GRACE_MS";

  /** Profile keys that become app env: how long the router waits for an instance, how exec pings and retries. */
  private static final Map<String, String> TUNING = Map.of(
      "router.instance-wait", "DC_INSTANCE_WAIT_MS",
      "exec.ping-interval", "DC_EXEC_PING_INTERVAL_MS",
      "exec.ping-timeout", "DC_EXEC_PING_TIMEOUT_MS",
      "exec.retry-backoff", "DC_EXEC_RETRY_BACKOFF_MS");

  public static SliceBlueprint of(Profile profile, OrgSlice slice, SliceCredentials credentials) {
    return of(profile, slice, credentials, profile.strategy().equals("ephemeral"));
  }

  /** {@code creating}: the slice is being created now (by the run, or by {@code stack up} as ops would), so it gets the run's tuning. */
  public static SliceBlueprint of(Profile profile, OrgSlice slice, SliceCredentials credentials, boolean creating) {
    Map<String, String> tuning = new LinkedHashMap<>();
    TUNING.forEach((key, env) -> profile.optionalDuration(key).ifPresent(d -> tuning.put(env, String.valueOf(d.toMillis()))));
    profile.optional("exec.max-boot-attempts").ifPresent(n -> tuning.put("DC_EXEC_MAX_BOOT_ATTEMPTS", n));
    // how long an NFS outage may last before router and exec alert (FAULT-050): the profile's grace period, given to
    // the apps of slices the run creates; an existing slice's apps keep theirs, which timeouts.grace-period then describes
    if (creating) {
      profile.optionalDuration("timeouts.grace-period").ifPresent(d -> tuning.put(NFS_ALERT_GRACE, String.valueOf(d.toMillis())));
    }
    return new SliceBlueprint(slice, profile.string("image.nfs"), profile.string("image.router"), profile.string("image.exec"),
        profile.optional("image.agent").orElse("registry.fly.io/host-coder:latest"), Map.copyOf(tuning), credentials);
  }

  /** What release writes for the agent image: the image and the worker's guest size. */
  public Map<String, Object> agentImageRecord() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("image", agentImage);
    r.put("cpu_kind", "shared");
    r.put("cpus", 1);
    r.put("memory_mb", 256);
    return r;
  }

  public Map<String, String> routerEnv() {
    Map<String, String> env = common();
    env.put("DC_EXEC", OrgSlice.flycast(slice.execApp()));
    env.put("DC_WORKER_POOL_APP", slice.workerPoolApp());
    env.putAll(credentials.routerEnv());
    if (tuning.containsKey("DC_INSTANCE_WAIT_MS")) env.put("DC_INSTANCE_WAIT_MS", tuning.get("DC_INSTANCE_WAIT_MS"));
    return env;
  }

  public Map<String, String> execEnv() {
    Map<String, String> env = common();
    env.put("DC_EXEC", OrgSlice.flycast(slice.execApp()));
    env.put("DC_ROUTER", OrgSlice.flycast(slice.routerApp()));
    env.put("DC_WORKER_POOL_APP", slice.workerPoolApp());
    tuning.forEach((k, v) -> {
      if (k.startsWith("DC_EXEC_")) env.put(k, v);
    });
    return env;
  }

  public MachineSpec nfsMachine(String volumeId) {
    return MachineSpec.of(nfsImage).region(slice.region()).mount(volumeId, "/data")
        .metadata(Map.of("fly_platform_version", "v2", "fly_process_group", "app", OrgSlice.SLICE_LABEL, slice.prefix(),
            OrgSlice.RUN_LABEL, slice.run()));
  }

  public MachineSpec routerMachine() {
    return app(routerImage, routerEnv());
  }

  public MachineSpec execMachine() {
    return app(execImage, execEnv());
  }

  private MachineSpec app(String image, Map<String, String> env) {
    return MachineSpec.of(image).region(slice.region()).env(env)
        .metadata(Map.of("fly_platform_version", "v2", "fly_process_group", "app", OrgSlice.SLICE_LABEL, slice.prefix(),
            OrgSlice.RUN_LABEL, slice.run()));
  }

  private Map<String, String> common() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DC_DOMAIN", slice.domain());
    env.put("DC_NFS", OrgSlice.flycast(slice.nfsApp()));
    env.put("PORT", "8080");
    if (tuning.containsKey(NFS_ALERT_GRACE)) env.put(NFS_ALERT_GRACE, tuning.get(NFS_ALERT_GRACE));
    return env;
  }

  /** Does the image name a process run outside the platform (whose Machine only forwards to it)? */
  public static boolean runsOutside(String image) {
    return image != null && image.startsWith(EXTERNAL);
  }

  /** The {@code DC_*} variables whose values name an app of the org (and so carry its prefix). */
  public static boolean namesAnApp(String key) {
    return key.equals("DC_NFS") || key.equals("DC_EXEC") || key.equals("DC_ROUTER") || key.equals("DC_WORKER_POOL_APP");
  }
}
