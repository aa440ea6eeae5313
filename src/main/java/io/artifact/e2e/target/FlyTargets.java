package io.artifact.e2e.target;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code fly} factory: a real org. The Machines API defaults to {@code https://api.machines.dev}
 * and the logs API to {@code https://api.fly.io} (fly-facts.md §1); the router is reached on the
 * public internet at the base domain, so there is no edge proxy endpoint, only the capability.
 * Clerk defaults to its public Backend API. The private apps are reached with flyctl (fly-facts.md
 * §11): the NFS files with {@code fly ssh console} on the NFS Machine, exec through one
 * {@code fly proxy} tunnel per run. Anything the profile names ({@code endpoint.*}) wins.
 */
public final class FlyTargets {

  /** {@code nfs_root} on Fly: the share on the slice's NFS Machine (stack-contract.md §1.1), read over {@code fly ssh}. */
  public static final String NFS_OVER_SSH = "fly-ssh:{nfs_app}:/data/computers";
  /** {@code exec} on Fly: the slice's exec app through a {@code fly proxy} tunnel to its Flycast address. */
  public static final String EXEC_OVER_PROXY = "fly-proxy:{exec_app}";

  private FlyTargets() {}

  public static Target from(Profile profile) {
    return from(profile, System.getenv());
  }

  static Target from(Profile profile, Map<String, String> environment) {
    if (onPath(environment, "fly").isEmpty()) {
      throw new ProfileException("fly (flyctl) is not on PATH; " + profile.source()
          + " targets a Fly org, whose private apps the suite reaches with it (fly-facts.md §11): install flyctl, or use a profile whose target is not fly");
    }
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put(Target.MACHINES_API, "https://api.machines.dev");
    endpoints.put(Target.LOGS_API, "https://api.fly.io");
    endpoints.put(Target.CLERK_API, "https://api.clerk.com");
    endpoints.put(Target.NFS_ROOT, NFS_OVER_SSH);
    endpoints.put(Target.EXEC, EXEC_OVER_PROXY);
    endpoints.putAll(ExternalTargets.endpoints(profile));
    Map<String, String> secrets = ExternalTargets.secrets(profile);
    var capabilities = Capabilities.derive(endpoints, secrets);
    capabilities.add(Capability.EDGE); // Fly Proxy is the internet's way in: the probe goes straight to https://<base domain>
    return new Target("fly", profile.name(), endpoints, secrets, capabilities);
  }

  static java.util.Optional<Path> onPath(Map<String, String> environment, String command) {
    for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isBlank()) continue;
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) return java.util.Optional.of(candidate);
    }
    return java.util.Optional.empty();
  }
}
