package io.artifact.e2e.provision;

import io.artifact.e2e.target.Target;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The env a slice's router or exec needs when it runs outside the platform (a developer's process
 * behind an {@code external+http://} Machine): what its Machine would get — the blueprint's
 * {@code DC_*} values and the app secrets — plus how a process outside reaches what a Machine
 * reaches by private network: {@code HTTP_PROXY} for {@code .flycast}/{@code .internal} names,
 * the Machines API by URL, and the NFS share as a local directory ({@code DC_NFS_ROOT}; a laptop
 * cannot mount it). {@code PORT} is the port the external URL names.
 */
public final class OutsideAppEnv {

  private OutsideAppEnv() {}

  public static Map<String, String> router(SliceBlueprint bp, Target target, String nfsRoot) {
    Map<String, String> env = new LinkedHashMap<>(bp.routerEnv());
    env.putAll(bp.credentials().routerSecrets());
    return outside(env, bp.routerImage(), target, nfsRoot);
  }

  public static Map<String, String> exec(SliceBlueprint bp, Target target, String nfsRoot) {
    Map<String, String> env = new LinkedHashMap<>(bp.execEnv());
    env.putAll(bp.credentials().execSecrets());
    target.endpoint(Target.MACHINES_API).ifPresent(api -> {
      env.put("FLY_API_BASE_URL", api);
      env.put("FLY_FLAPS_BASE_URL", api);
    });
    return outside(env, bp.execImage(), target, nfsRoot);
  }

  /** The port of an {@code external+http(s)://host:port} image, if it is one. */
  public static Optional<Integer> externalPort(String image) {
    if (!SliceBlueprint.runsOutside(image)) return Optional.empty();
    URI u = URI.create(image.substring(SliceBlueprint.EXTERNAL.length()));
    return Optional.of(u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80);
  }

  private static Map<String, String> outside(Map<String, String> env, String image, Target target, String nfsRoot) {
    externalPort(image).ifPresent(p -> env.put("PORT", String.valueOf(p)));
    target.endpoint(Target.PRIVATE_NETWORK_PROXY).ifPresent(p -> env.put("HTTP_PROXY", p.contains("://") ? p : "http://" + p));
    env.put("DC_NFS_ROOT", nfsRoot);
    return env;
  }
}
