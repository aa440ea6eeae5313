package io.artifact.flyemu.emulator;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Armed "kill mid-boot" faults: the next Machine of an app whose metadata matches is killed
 * while its program boots, as a crash or an OOM kill would end it. One-shot; armed through the
 * emulator admin surface only. Agent host programs consult it at the start of their boot.
 */
public final class BootFaults {

  /** One armed fault: app, a metadata key and value the Machine must carry, and why. */
  public record Armed(String app, String metadataKey, String metadataValue, String reason) {}

  private final FlyPlatform fly;
  private final List<Armed> armed = new ArrayList<>();

  public BootFaults(FlyPlatform fly) {
    this.fly = fly;
  }

  public synchronized void arm(Armed fault) {
    armed.add(fault);
  }

  public synchronized int disarm(String app) {
    int before = armed.size();
    armed.removeIf(a -> a.app().equals(app));
    return before - armed.size();
  }

  public synchronized List<Armed> armed() {
    return List.copyOf(armed);
  }

  /** Kills the booting Machine and aborts its boot if a fault is armed for it. */
  public void onBoot(MachineRuntime rt) {
    Machine m = fly.machine(rt.appName(), rt.machineId());
    Armed hit = take(rt.appName(), m.metadata());
    if (hit == null) return;
    m.kill("injected fault: " + hit.reason());
    throw new IllegalStateException("killed mid-boot by an injected fault: " + hit.reason());
  }

  private synchronized Armed take(String app, Map<String, String> metadata) {
    for (Armed a : armed) {
      if (a.app().equals(app) && a.metadataValue().equals(metadata.get(a.metadataKey()))) {
        armed.remove(a);
        return a;
      }
    }
    return null;
  }
}
