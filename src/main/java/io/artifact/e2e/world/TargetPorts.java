package io.artifact.e2e.world;

import io.artifact.e2e.clerk.AccountPortal;
import io.artifact.e2e.clerk.ClerkBackendApi;
import io.artifact.e2e.clerk.ClerkPort;
import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.exec.PrivateNetworkExec;
import io.artifact.e2e.fault.EmulatorFaults;
import io.artifact.e2e.fault.FaultPort;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.VolumeInfo;
import io.artifact.e2e.nfs.LocalNfs;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.router.RouterProbe;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.ExternalTargets;
import io.artifact.e2e.target.Target;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
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

  public static ClerkPort clerk(Target t, Redactor redactor, Consumer<String> transcript) {
    String api = t.endpointFor(Capability.CLERK_BACKEND, Target.CLERK_API);
    String signIn = t.endpoint(Target.CLERK_SIGN_IN)
        .orElseGet(() -> AccountPortal.signInUrl(t.secret(Target.CLERK_PUBLISHABLE_KEY).orElse(null)));
    return new ClerkBackendApi(api, t.secret(Target.CLERK_SECRET_KEY).orElseThrow(), signIn, redactor, transcript);
  }

  /**
   * The share as a local directory; with {@code {volume}} in the path, the slice's NFS volume (as
   * the Fly API lists it) picks the directory, the embedded stack's layout.
   */
  public static NfsPort nfs(Target t, OrgSlice slice, Supplier<FlyPort> fly) {
    String root = t.endpointFor(Capability.NFS_FILES, Target.NFS_ROOT);
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

  public static RouterProbe router(Target t, Evidence evidence) {
    t.require(Capability.EDGE);
    return new RouterProbe(t.endpoint(Target.EDGE), evidence);
  }

  public static ExecPort exec(Target t, OrgSlice slice, Duration timeout, Consumer<String> transcript) {
    t.require(Capability.EXEC_NOTIFY);
    return t.endpoint(Target.EXEC).<ExecPort>map(url -> PrivateNetworkExec.direct(url, timeout, transcript))
        .orElseGet(() -> PrivateNetworkExec.viaProxy(address(t.endpoint(Target.PRIVATE_NETWORK_PROXY).orElseThrow()), slice.execApp(),
            timeout, transcript));
  }

  public static FaultPort faults(Target t, Consumer<String> transcript) {
    String admin = t.endpointFor(Capability.FAULTS_BOOT_KILL, Target.EMULATOR_ADMIN);
    return new EmulatorFaults(admin, t.secret(Target.FLY_API_TOKEN).orElse(""), transcript);
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
