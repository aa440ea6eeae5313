package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.Machine;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Machine as the {@code infra.*} tools report it: the fields an operator reads, no config dump. */
final class MachineView {

  private MachineView() {}

  static Map<String, Object> of(Machine m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id());
    v.put("name", m.name());
    v.put("state", m.state().wire());
    v.put("region", m.region());
    v.put("image", m.image());
    v.put("instance_id", m.instanceId());
    v.put("private_ip", m.privateIp());
    v.put("metadata", m.metadata());
    v.put("created_at", m.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
    v.put("updated_at", m.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    return v;
  }

  static Map<String, Object> schema() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", Map.of(
        "id", Map.of("type", "string"), "name", Map.of("type", "string"), "state", Map.of("type", "string"),
        "region", Map.of("type", "string"), "image", Map.of("type", "string"), "instance_id", Map.of("type", "string"),
        "private_ip", Map.of("type", "string"), "metadata", Map.of("type", "object"),
        "created_at", Map.of("type", "string"), "updated_at", Map.of("type", "string")));
    s.put("required", java.util.List.of("id", "state", "region", "image"));
    return s;
  }
}
