package io.artifact.e2e.target;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code external} factory: every endpoint named in the profile ({@code endpoint.<name>=URL}),
 * every credential by environment variable ({@code secret.<name>=VAR}), nothing started. Each
 * endpoint must answer within {@code timeouts.connect}; a dead one is one line naming key and URL.
 */
public final class ExternalTargets {

  /** In {@code endpoint.nfs_root}: replaced by the id of the slice's NFS volume (the embedded layout). */
  public static final String VOLUME = "{volume}";

  private static final Set<String> KNOWN = Set.of(Target.MACHINES_API, Target.LOGS_API, Target.PRIVATE_NETWORK_PROXY,
      Target.EDGE, Target.CLERK_API, Target.CLERK_SIGN_IN, Target.CLERK_TESTING, Target.EXEC, Target.NFS_ROOT, Target.MCP, Target.MCP_ADMIN,
      Target.EMULATOR_ADMIN, Target.NETWORK_FAULTS, "clerk_frontend_api");

  private ExternalTargets() {}

  public static Target from(Profile profile) {
    Map<String, String> endpoints = endpoints(profile);
    Map<String, String> secrets = secrets(profile);
    Duration connect = profile.optionalDuration("timeouts.connect").orElse(Duration.ofSeconds(3));
    endpoints.forEach((name, value) -> check(profile, name, value, connect));
    return new Target("external", profile.name(), endpoints, secrets, Capabilities.derive(endpoints, secrets));
  }

  static Map<String, String> endpoints(Profile profile) {
    Map<String, String> out = new LinkedHashMap<>();
    profile.section("endpoint.").forEach((name, value) -> {
      if (!KNOWN.contains(name)) {
        throw new ProfileException(profile.source() + ": endpoint." + name + " is not an endpoint the suite knows; known: " + KNOWN);
      }
      out.put(name, value);
    });
    return out;
  }

  static Map<String, String> secrets(Profile profile) {
    Map<String, String> out = new LinkedHashMap<>();
    profile.section("secret.").forEach((name, envVar) -> out.put(name, profile.secret(envVar)));
    return out;
  }

  private static void check(Profile p, String name, String value, Duration connect) {
    String key = "endpoint." + name;
    if (name.equals(Target.NFS_ROOT)) {
      Path dir = Path.of(value.contains(VOLUME) ? value.substring(0, value.indexOf(VOLUME)) : value);
      if (!Files.isDirectory(dir)) throw new ProfileException(p.source() + ": " + key + "=" + value + " is not a directory on this machine");
      return;
    }
    InetSocketAddress address = address(p, key, value);
    try (Socket s = new Socket()) {
      s.connect(address, (int) connect.toMillis());
    } catch (IOException e) {
      throw Targets.unreachable(p, key, value, (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + " within " + connect.toMillis() + "ms");
    }
  }

  static InetSocketAddress address(Profile p, String key, String value) {
    try {
      if (!value.contains("://")) {
        int colon = value.lastIndexOf(':');
        return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
      }
      URI u = URI.create(value);
      int port = u.getPort() != -1 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
      if (u.getHost() == null) throw new IllegalArgumentException("no host");
      return new InetSocketAddress(u.getHost(), port);
    } catch (RuntimeException e) {
      throw new ProfileException(p.source() + ": " + key + " must be a URL like http://127.0.0.1:8080 or host:port (was '" + value + "')");
    }
  }
}
