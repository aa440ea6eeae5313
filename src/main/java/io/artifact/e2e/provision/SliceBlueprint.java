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
public record SliceBlueprint(OrgSlice slice, String nfsImage, String routerImage, String execImage, SliceCredentials credentials) {

  public static SliceBlueprint of(Profile profile, OrgSlice slice, SliceCredentials credentials) {
    return new SliceBlueprint(slice, profile.string("image.nfs"), profile.string("image.router"), profile.string("image.exec"), credentials);
  }

  public Map<String, String> routerEnv() {
    Map<String, String> env = common();
    env.put("DC_EXEC", OrgSlice.flycast(slice.execApp()));
    env.put("DC_WORKER_POOL_APP", slice.workerPoolApp());
    env.putAll(credentials.routerEnv());
    return env;
  }

  public Map<String, String> execEnv() {
    Map<String, String> env = common();
    env.put("DC_EXEC", OrgSlice.flycast(slice.execApp()));
    env.put("DC_ROUTER", OrgSlice.flycast(slice.routerApp()));
    env.put("DC_WORKER_POOL_APP", slice.workerPoolApp());
    return env;
  }

  public MachineSpec nfsMachine(String volumeId) {
    return MachineSpec.of(nfsImage).region(slice.region()).mount(volumeId, "/data")
        .metadata(Map.of("fly_platform_version", "v2", "fly_process_group", "app", "e2e_slice", slice.prefix()));
  }

  public MachineSpec routerMachine() {
    return app(routerImage, routerEnv());
  }

  public MachineSpec execMachine() {
    return app(execImage, execEnv());
  }

  private MachineSpec app(String image, Map<String, String> env) {
    return MachineSpec.of(image).region(slice.region()).env(env)
        .metadata(Map.of("fly_platform_version", "v2", "fly_process_group", "app", "e2e_slice", slice.prefix()));
  }

  private Map<String, String> common() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DC_DOMAIN", slice.domain());
    env.put("DC_NFS", OrgSlice.flycast(slice.nfsApp()));
    env.put("PORT", "8080");
    return env;
  }

  /** The {@code DC_*} variables whose values name an app of the org (and so carry its prefix). */
  public static boolean namesAnApp(String key) {
    return key.equals("DC_NFS") || key.equals("DC_EXEC") || key.equals("DC_ROUTER") || key.equals("DC_WORKER_POOL_APP");
  }
}
