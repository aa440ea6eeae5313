package io.artifact.e2e.world;

import io.artifact.e2e.clerk.AccountPortal;
import io.artifact.e2e.clerk.ClerkBackendApi;
import io.artifact.e2e.clerk.ClerkTestingApi;
import com.nimbusds.jose.jwk.RSAKey;
import io.artifact.e2e.clerk.ClerkPort;
import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.exec.PrivateNetworkExec;
import io.artifact.e2e.fault.EmulatorFaults;
import io.artifact.e2e.fault.FaultPort;
import io.artifact.e2e.fault.FaultRecord;
import io.artifact.e2e.fault.NetworkFaults;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.VolumeInfo;
import io.artifact.e2e.flyctl.FlyProxyTunnel;
import io.artifact.e2e.flyctl.FlySshNfs;
import io.artifact.e2e.flyctl.FlyViaFlyctl;
import io.artifact.e2e.flyctl.Flyctl;
import io.artifact.e2e.flyctl.TunnelledExec;
import io.artifact.e2e.nfs.LocalNfs;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.router.RouterProbe;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.ExternalTargets;
import io.artifact.e2e.target.Target;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ports a target's endpoints make: each asks for the capability it serves first, so a scenario
 * on a target without it is skipped with the capability named rather than crashing.
 */
public final class TargetPorts {

  private TargetPorts() {}

  public static FlyPort fly(Target t, Duration retry, Duration boot, Consumer<String> transcript) {
    String api = t.endpointFor(Capability.FLY_API, Target.MACHINES_API);
    return new FlyMachinesRest(api, t.endpoint(Target.LOGS_API).orElse(api), t.secret(Target.FLY_API_TOKEN).orElseThrow(),
        retry, boot, transcript);
  }

  /**
   * {@code fly.backend=flyctl}: the fly CLI with the target's token; off Fly (the embedded platform)
   * pointed at the target's Machines and logs APIs through flyctl's own overrides (fly-facts.md §5.1).
   */
  public static FlyPort flyctlFly(Target t, Duration call, Duration boot, Duration retry, Consumer<String> transcript) {
    String api = t.endpointFor(Capability.FLY_API, Target.MACHINES_API);
    Map<String, String> overrides = new HashMap<>();
    if (!api.startsWith(REAL_MACHINES_API)) {
      overrides.put("FLY_FLAPS_BASE_URL", api);
      overrides.put("FLY_API_BASE_URL", t.endpoint(Target.LOGS_API).orElse(api));
    }
    return new FlyViaFlyctl(flyctl(t, overrides, transcript), call, boot, retry);
  }

  public static ClerkPort clerk(Target t, Redactor redactor, Consumer<String> transcript) {
    String api = t.endpointFor(Capability.CLERK_BACKEND, Target.CLERK_API);
    String signIn = t.endpoint(Target.CLERK_SIGN_IN)
        .orElseGet(() -> AccountPortal.signInUrl(t.secret(Target.CLERK_PUBLISHABLE_KEY).orElse(null)));
    return new ClerkBackendApi(api, t.secret(Target.CLERK_SECRET_KEY).orElseThrow(), signIn, redactor, transcript);
  }

  /** The Clerk instance's private signing key, from its testing surface (only where the target has one). */
  public static RSAKey clerkSigningKey(Target t) {
    return new ClerkTestingApi(t.endpointFor(Capability.CLERK_SIGNING_KEY, Target.CLERK_TESTING),
        t.secret(Target.CLERK_SECRET_KEY).orElseThrow()).signingKey();
  }

  /**
   * The share as a local directory; with {@code {volume}} in the path, the slice's NFS volume (as
   * the Fly API lists it) picks the directory, the embedded stack's layout.
   */
  public static NfsPort nfs(Target t, OrgSlice slice, Supplier<FlyPort> fly) {
    String root = t.endpointFor(Capability.NFS_FILES, Target.NFS_ROOT);
    if (root.startsWith(FLY_SSH)) {
      // fly-ssh:<app>:<root> — the share on that app's Machine, over fly ssh console (fly-facts.md §11)
      String[] parts = root.substring(FLY_SSH.length()).replace("{nfs_app}", slice.nfsApp()).split(":", 2);
      return new FlySshNfs(flyctl(t, line -> {}), parts[0], null, parts[1], FLYCTL_TIMEOUT);
    }
    if (!root.contains(ExternalTargets.VOLUME)) return new LocalNfs(() -> Path.of(root));
    return new LocalNfs(new Supplier<>() {
      private volatile Path resolved;

      @Override
      public Path get() {
        if (resolved == null) {
          String volume = fly.get().listVolumes(slice.nfsApp()).stream().map(VolumeInfo::id).findFirst()
              .orElseThrow(() -> new IllegalStateException("the NFS app " + slice.nfsApp() + " has no volume, so no share to read"));
          resolved = Path.of(root.replace(ExternalTargets.VOLUME, volume));
        }
        return resolved;
      }
    });
  }

  public static RouterProbe router(Target t, Evidence evidence, Duration visitBound) {
    t.require(Capability.EDGE);
    return new RouterProbe(t.endpoint(Target.EDGE), evidence, visitBound);
  }

  public static ExecPort exec(Target t, OrgSlice slice, Duration timeout, Consumer<String> transcript) {
    t.require(Capability.EXEC_NOTIFY);
    String exec = t.endpoint(Target.EXEC).orElse("");
    if (exec.startsWith(FLY_PROXY)) {
      String app = exec.substring(FLY_PROXY.length()).replace("{exec_app}", slice.execApp());
      // one tunnel per run and app: each costs seconds to open; the target stops it when the run ends
      FlyProxyTunnel tunnel = TUNNELS.computeIfAbsent(t.describe() + " " + app, key -> {
        FlyProxyTunnel opened = TunnelledExec.flycastTunnel(flyctl(t, transcript), app, FLYCTL_TIMEOUT);
        t.own(() -> {
          TUNNELS.remove(key);
          opened.close();
        });
        return opened;
      });
      return new TunnelledExec(tunnel, timeout, transcript);
    }
    return t.endpoint(Target.EXEC).<ExecPort>map(url -> PrivateNetworkExec.direct(url, timeout, transcript))
        .orElseGet(() -> PrivateNetworkExec.viaProxy(address(t.endpoint(Target.PRIVATE_NETWORK_PROXY).orElseThrow()), slice.execApp(),
            timeout, transcript));
  }

  public static FaultPort faults(Target t, Consumer<String> transcript) {
    String admin = t.endpointFor(Capability.FAULTS_BOOT_KILL, Target.EMULATOR_ADMIN);
    return new EmulatorFaults(admin, t.secret(Target.FLY_API_TOKEN).orElse(""), transcript);
  }

  /** The same, each fault going through the scenario's fault record. */
  public static FaultPort faults(Target t, FaultRecord record, Consumer<String> transcript) {
    String admin = t.endpointFor(Capability.FAULTS_BOOT_KILL, Target.EMULATOR_ADMIN);
    return new EmulatorFaults(admin, t.secret(Target.FLY_API_TOKEN).orElse(""), transcript, record);
  }

  /** Toxiproxy's API; the platform token goes only to the emulator's admin surface, never to a Toxiproxy. */
  public static NetworkFaults networkFaults(Target t, FaultRecord record, CleanupLedger ledger, Evidence evidence, Consumer<String> transcript) {
    String api = t.endpointFor(Capability.FAULTS_NETWORK, Target.NETWORK_FAULTS);
    boolean emulator = t.endpoint(Target.EMULATOR_ADMIN).map(api::startsWith).orElse(false);
    return new NetworkFaults(api, emulator ? t.secret(Target.FLY_API_TOKEN) : java.util.Optional.empty(), record, ledger, evidence, transcript);
  }

  private static final String FLY_SSH = "fly-ssh:";
  private static final String REAL_MACHINES_API = "https://api.machines.dev";
  private static final String FLY_PROXY = "fly-proxy:";
  private static final Duration FLYCTL_TIMEOUT = Duration.ofSeconds(60);
  private static final Map<String, FlyProxyTunnel> TUNNELS = new ConcurrentHashMap<>();

  /** flyctl with this machine's environment and the target's Fly token (never on a command line). */
  private static Flyctl flyctl(Target t, Consumer<String> transcript) {
    return flyctl(t, Map.of(), transcript);
  }

  private static Flyctl flyctl(Target t, Map<String, String> overrides, Consumer<String> transcript) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(overrides);
    t.secret(Target.FLY_API_TOKEN).ifPresent(token -> env.put("FLY_API_TOKEN", token));
    Redactor redactor = new Redactor();
    t.secretValues().forEach(redactor::secret);
    return new Flyctl(env, redactor, transcript);
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
