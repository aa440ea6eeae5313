package io.artifact.e2e.world;

import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.exec.PrivateNetworkExec;
import io.artifact.e2e.fault.EmulatorFaults;
import io.artifact.e2e.fault.FaultPort;
import io.artifact.e2e.nfs.LocalNfs;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.nfs.NfsMounts;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The embedded stack's adapters for the ports that have no real-target adapter yet: the NFS
 * export as a local directory, exec over the stack's private network, faults over its admin
 * surface. The Fly versions ({@code fly ssh}, WireGuard) come with the real-target work.
 */
public final class LocalPorts {

  private LocalPorts() {}

  /** The NFS export, mounted afresh on every call: while the NFS Machine is down, calls fail. */
  public static NfsPort nfs(EmbeddedStack stack, OrgSlice slice) {
    String dcNfs = OrgSlice.flycast(slice.nfsApp());
    return new LocalNfs(() -> stack.platform().services().get(NfsMounts.class).mount(dcNfs));
  }

  public static ExecPort exec(EmbeddedStack stack, OrgSlice slice, Duration timeout, Evidence evidence) {
    return new PrivateNetworkExec(new InetSocketAddress("127.0.0.1", stack.privateNetworkPort()), slice.execApp(), timeout,
        line -> evidence.log("exec-notifications.txt", line));
  }

  public static FaultPort faults(EmbeddedStack stack, Evidence evidence) {
    return new EmulatorFaults(stack.endpoints().get("emulator_admin"), stack.flyToken(), line -> evidence.log("emulator-faults.txt", line));
  }
}
