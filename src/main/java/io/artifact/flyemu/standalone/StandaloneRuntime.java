package io.artifact.flyemu.standalone;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.clerk.SessionVerifier;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.fly.Scheduler;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An app run as a process of its own, as a developer runs the real router or exec on a laptop
 * against a platform elsewhere: everything comes from the process env and goes over HTTP. Clerk is
 * verified as {@code @clerk/backend} does it (JWKS from {@code CLERK_API_URL} with the secret key),
 * private names go through {@code HTTP_PROXY}, the Machines API is {@code FLY_API_BASE_URL}
 * (or {@code FLY_FLAPS_BASE_URL}). A laptop cannot mount the NFS share {@code DC_NFS} names, so
 * {@code DC_NFS_ROOT} gives the share's directory on this machine instead.
 */
public final class StandaloneRuntime implements AppRuntime, AutoCloseable {

  public static final String NFS_ROOT = "DC_NFS_ROOT";

  private final Map<String, String> env;
  private final Consumer<String> out;
  private final RealScheduler scheduler = new RealScheduler(2);
  private final NetworkClient network;
  private final SessionVerifier clerk = new SessionVerifier();

  public StandaloneRuntime(Map<String, String> env, Consumer<String> out) {
    this.env = Map.copyOf(env);
    this.out = out;
    this.network = proxy(env).map(NetworkClient::through).orElseGet(NetworkClient::direct);
  }

  @Override public String instanceId() { return env("FLY_MACHINE_ID").orElse("standalone"); }
  @Override public Map<String, String> env() { return env; }
  @Override public void log(String message) { out.accept(message); }
  @Override public void logError(String message) { out.accept("error: " + message); }
  @Override public Scheduler scheduler() { return scheduler; }
  @Override public NetworkClient network() { return network; }
  @Override public Optional<ClerkAuthenticator> clerk() { return Optional.of(clerk); }

  @Override
  public Optional<String> machinesApiUrl() {
    return env("FLY_API_BASE_URL").or(() -> env("FLY_FLAPS_BASE_URL"));
  }

  /** Checked on every use, like a mount: the directory may come and go. */
  @Override
  public NfsRoot nfs(String dcNfs) {
    return () -> {
      if (dcNfs == null || dcNfs.isBlank()) throw new NfsUnavailableException("NFS mount failed: DC_NFS is not set");
      String root = env(NFS_ROOT).orElseThrow(() -> new NfsUnavailableException("NFS mount failed: " + dcNfs
          + " cannot be mounted from outside Fly's private network; set " + NFS_ROOT + " to the share's directory on this machine"));
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) throw new NfsUnavailableException("NFS mount failed: " + NFS_ROOT + "=" + root + " is not a directory");
      return dir;
    };
  }

  /** {@code HTTP_PROXY} (or {@code http_proxy}) as curl reads it: {@code http://host:port} or {@code host:port}. */
  static Optional<InetSocketAddress> proxy(Map<String, String> env) {
    String raw = Optional.ofNullable(env.get("HTTP_PROXY")).filter(v -> !v.isBlank()).orElse(env.get("http_proxy"));
    if (raw == null || raw.isBlank()) return Optional.empty();
    URI u = URI.create(raw.contains("://") ? raw.trim() : "http://" + raw.trim());
    if (u.getHost() == null) throw new IllegalArgumentException("HTTP_PROXY must be http://host:port (was '" + raw + "')");
    return Optional.of(new InetSocketAddress(u.getHost(), u.getPort() > 0 ? u.getPort() : 80));
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
