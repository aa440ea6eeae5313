package io.artifact.flyemu.mcp.flyctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.Check;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Objects as flyctl re-encodes them through fly-go's structs (fly-facts.md §5.2): Machine keys
 * in struct order, empty fields omitted except {@code image_ref} and {@code cordoned}.
 */
final class FlyGoJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private FlyGoJson() {}

  static ObjectNode machine(Machine m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    n.put("state", m.state().wire());
    n.put("region", m.region());
    ImageRef ref = ImageRef.parse(m.image());
    ObjectNode image = n.putObject("image_ref");
    image.put("registry", ref.registry()).put("repository", ref.repository()).put("tag", ref.tag()).put("digest", ref.digest());
    image.putObject("labels");
    n.put("instance_id", m.instanceId());
    n.put("version", m.instanceId());
    n.put("private_ip", m.privateIp());
    n.put("created_at", time(m.createdAt()));
    n.put("updated_at", time(m.updatedAt()));
    n.set("config", m.config());
    ArrayNode events = n.putArray("events");
    for (MachineEvent e : m.events()) {
      ObjectNode ev = events.addObject().put("type", e.type()).put("status", e.status());
      if (e.exitCode() != null) ev.putObject("request").putObject("exit_event").put("exit_code", e.exitCode());
      ev.put("source", e.source()).put("timestamp", e.timestamp());
    }
    ArrayNode checks = MAPPER.createArrayNode();
    for (Check c : m.checks()) {
      checks.addObject().put("name", c.name()).put("status", c.status()).put("output", c.output()).put("updated_at", time(m.updatedAt()));
    }
    if (!checks.isEmpty()) n.set("checks", checks);
    n.put("host_status", "ok");
    n.put("cordoned", false);
    return n;
  }

  static ObjectNode secret(App.Secret s) {
    return MAPPER.createObjectNode().put("name", s.name()).put("digest", s.digest()).put("created_at", time(s.createdAt()));
  }

  /** One {@code fly logs --json} entry (keys as fly-facts.md §5.2 lists them). */
  static ObjectNode logEntry(LogEntry e) {
    ObjectNode n = MAPPER.createObjectNode().put("level", e.level()).put("instance", e.instance())
        .put("message", e.message()).put("region", e.region()).put("timestamp", e.timestamp().toString());
    ObjectNode meta = n.putObject("meta").put("Instance", e.instance()).put("Region", e.region());
    meta.putObject("Event").put("Provider", "app");
    ObjectNode http = meta.putObject("HTTP");
    http.putObject("Request").put("ID", "").put("Method", "").put("Version", "");
    http.putObject("Response").put("status_code", 0);
    meta.putObject("Error").put("Code", 0).put("Message", "");
    meta.putObject("URL").put("Full", "");
    return n;
  }

  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static boolean isV2(JsonNode config) {
    return "v2".equals(config.path("metadata").path("fly_platform_version").asText());
  }
}
