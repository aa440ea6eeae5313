package io.artifact.flyemu.apps;

import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.Scheduler;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.NfsRoot;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stack app (router, exec) runs, as the app sees it: its env, its log, a clock, and the
 * four things it reaches outside itself — the NFS share, the private network, Clerk and the
 * Machines API. Inside an embedded Machine ({@link PlatformRuntime}) these are the platform's
 * services; as a process of its own ({@code standalone.StandaloneRuntime}) they are HTTP and a
 * local directory, as for the real apps run on a laptop. The app's behaviour is the same in both.
 */
public interface AppRuntime {

  /** Names this instance in thread names and log lines: the Machine id, or the process's own. */
  String instanceId();

  Map<String, String> env();

  /** Like the stack's {@code readAppEnv}: an empty value counts as missing. */
  default Optional<String> env(String name) {
    String v = env().get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  default String requireEnv(String name) {
    return env(name).orElseThrow(() -> new IllegalStateException("Missing " + name + " in environment"));
  }

  void log(String message);

  void logError(String message);

  Scheduler scheduler();

  /** ROOT ({@code /mnt/computers}) of the share {@code dcNfs} names; each {@code path()} re-checks the mount. */
  NfsRoot nfs(String dcNfs);

  /** HTTP by Fly's private names ({@code <app>.flycast}, {@code <id>.vm.<app>.internal}). */
  NetworkClient network();

  /** How requests are authenticated against Clerk; empty when no Clerk is reachable. */
  Optional<ClerkAuthenticator> clerk();

  /** The Machines API this runtime offers when the app's env names none explicitly. */
  Optional<String> machinesApiUrl();
}
