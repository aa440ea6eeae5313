package io.artifact.flyemu.fly;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.util.function.Consumer;

/** A program for tests: remembers its runtime and whether it was shut down; can run a hook during boot. */
public final class FakeProgram implements MachineProgram {

  private final Consumer<MachineRuntime> duringBoot;
  private volatile MachineRuntime runtime;
  private volatile boolean shutDown;

  public FakeProgram(Consumer<MachineRuntime> duringBoot) {
    this.duringBoot = duringBoot;
  }

  @Override
  public void boot(MachineRuntime rt) {
    this.runtime = rt;
    duringBoot.accept(rt);
  }

  @Override
  public HttpResponse serve(HttpRequest request) {
    return HttpResponse.text(200, "served by " + runtime.machineId());
  }

  @Override
  public void shutdown() {
    shutDown = true;
  }

  public MachineRuntime runtime() { return runtime; }
  public boolean booted() { return runtime != null; }
  public boolean shutDown() { return shutDown; }
}
