package io.artifact.e2e.fly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run in a Machine: image, env, metadata, mounts and guest size (the subset of Fly's
 * MachineConfig the suite sets). Builders return new values.
 */
public record MachineSpec(String name, String region, String image, Map<String, String> env,
    Map<String, String> metadata, List<Mount> mounts, String cpuKind, int cpus, int memoryMb, boolean autoDestroy) {

  /** A volume mounted at a path. */
  public record Mount(String volume, String path) {}

  public static MachineSpec of(String image) {
    return new MachineSpec(null, null, image, Map.of(), Map.of(), List.of(), "shared", 1, 256, false);
  }

  public MachineSpec name(String n) {
    return new MachineSpec(n, region, image, env, metadata, mounts, cpuKind, cpus, memoryMb, autoDestroy);
  }

  public MachineSpec region(String r) {
    return new MachineSpec(name, r, image, env, metadata, mounts, cpuKind, cpus, memoryMb, autoDestroy);
  }

  public MachineSpec image(String i) {
    return new MachineSpec(name, region, i, env, metadata, mounts, cpuKind, cpus, memoryMb, autoDestroy);
  }

  public MachineSpec env(Map<String, String> e) {
    return new MachineSpec(name, region, image, Map.copyOf(e), metadata, mounts, cpuKind, cpus, memoryMb, autoDestroy);
  }

  public MachineSpec withEnv(String key, String value) {
    Map<String, String> e = new LinkedHashMap<>(env);
    e.put(key, value);
    return env(e);
  }

  public MachineSpec metadata(Map<String, String> m) {
    return new MachineSpec(name, region, image, env, Map.copyOf(m), mounts, cpuKind, cpus, memoryMb, autoDestroy);
  }

  public MachineSpec mount(String volume, String path) {
    List<Mount> m = new java.util.ArrayList<>(mounts);
    m.add(new Mount(volume, path));
    return new MachineSpec(name, region, image, env, metadata, List.copyOf(m), cpuKind, cpus, memoryMb, autoDestroy);
  }

  /** The MachineConfig Fly takes (fly-facts.md §3): the request body's {@code config}, or {@code fly machine run --machine-config}. */
  public ObjectNode machineConfig() {
    ObjectNode c = JSON.createObjectNode();
    c.put("image", image);
    c.set("env", JSON.valueToTree(env));
    c.set("metadata", JSON.valueToTree(metadata));
    c.putObject("guest").put("cpu_kind", cpuKind).put("cpus", cpus).put("memory_mb", memoryMb);
    if (autoDestroy) c.put("auto_destroy", true);
    if (!mounts.isEmpty()) {
      ArrayNode m = c.putArray("mounts");
      mounts.forEach(x -> m.addObject().put("volume", x.volume()).put("path", x.path()));
    }
    return c;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
}
