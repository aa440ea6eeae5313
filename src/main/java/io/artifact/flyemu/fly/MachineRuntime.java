package io.artifact.flyemu.fly;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a program sees from inside its Machine: identity, env, volumes, logs and the stack's services. */
public final class MachineRuntime {

  private final FlyPlatform platform;
  private final Machine machine;
  private final Map<String, String> env;

  MachineRuntime(FlyPlatform platform, Machine machine) {
    this.platform = platform;
    this.machine = machine;
    Map<String, String> e = new LinkedHashMap<>();
    machine.config().path("env").fields().forEachRemaining(f -> e.put(f.getKey(), f.getValue().asText()));
    e.putAll(machine.secretsSnapshot()); // Fly injects app secrets as env at create/update time
    e.put("FLY_APP_NAME", machine.app().name());
    e.put("FLY_MACHINE_ID", machine.id());
    e.put("FLY_ALLOC_ID", machine.id());
    e.put("FLY_REGION", machine.region());
    e.put("FLY_IMAGE_REF", machine.image());
    e.put("FLY_MACHINE_VERSION", machine.instanceId());
    e.put("FLY_PRIVATE_IP", machine.privateIp());
    e.put("FLY_PROCESS_GROUP", machine.metadata().getOrDefault("fly_process_group", "app"));
    e.put("PRIMARY_REGION", machine.region());
    this.env = Map.copyOf(e);
  }

  public String machineId() { return machine.id(); }
  public String appName() { return machine.app().name(); }
  public String region() { return machine.region(); }
  public ImageRef image() { return ImageRef.parse(machine.image()); }
  public Map<String, String> env() { return env; }

  public Optional<String> env(String name) {
    String v = env.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** Like the stack's {@code readAppEnv}: an empty value counts as missing. */
  public String requireEnv(String name) {
    return env(name).orElseThrow(() -> new IllegalStateException("Missing " + name + " in environment"));
  }

  public void log(String message) {
    platform.log(machine, "info", message);
  }

  public void logError(String message) {
    platform.log(machine, "error", message);
  }

  /** The directory of the volume mounted at {@code mountPath}, if the config mounts one there. */
  public Optional<Path> volume(String mountPath) {
    return platform.volumeMountedAt(machine, mountPath);
  }

  public Scheduler scheduler() { return platform.scheduler(); }
  public StackServices services() { return platform.services(); }
}
