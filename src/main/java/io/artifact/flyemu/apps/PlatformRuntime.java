package io.artifact.flyemu.apps;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.MachineRuntime;
import io.artifact.flyemu.fly.Scheduler;
import io.artifact.flyemu.fly.StackServices;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.NfsMounts;
import io.artifact.flyemu.nfs.NfsRoot;
import java.util.Map;
import java.util.Optional;

/** An app inside an embedded Machine: the Machine's env and log, the platform's services. */
public final class PlatformRuntime implements AppRuntime {

  private final MachineRuntime machine;

  public PlatformRuntime(MachineRuntime machine) {
    this.machine = machine;
  }

  @Override public String instanceId() { return machine.machineId(); }
  @Override public Map<String, String> env() { return machine.env(); }
  @Override public void log(String message) { machine.log(message); }
  @Override public void logError(String message) { machine.logError(message); }
  @Override public Scheduler scheduler() { return machine.scheduler(); }

  @Override
  public NfsRoot nfs(String dcNfs) {
    return NfsRoot.mounted(services().get(NfsMounts.class), dcNfs);
  }

  @Override
  public NetworkClient network() {
    return services().get(NetworkClient.class);
  }

  @Override
  public Optional<ClerkAuthenticator> clerk() {
    return services().has(ClerkAuthenticator.class) ? Optional.of(services().get(ClerkAuthenticator.class)) : Optional.empty();
  }

  @Override
  public Optional<String> machinesApiUrl() {
    return services().has(EmbeddedStack.class) ? Optional.of(services().get(EmbeddedStack.class).machinesApiUrl()) : Optional.empty();
  }

  private StackServices services() {
    return machine.services();
  }
}
