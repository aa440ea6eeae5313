package io.artifact.flyemu.fly.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.Check;
import io.artifact.flyemu.fly.Ids;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.Leases;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineEvent;
import io.artifact.flyemu.fly.Volume;
import io.artifact.flyemu.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders the platform's objects in the Machines API's JSON shapes (fly-facts.md §2–3). */
final class FlyJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  // a stack runs a handful of images; hashing on every render of every Machine showed in the profile
  private static final Map<String, String> IMAGE_DIGESTS = new ConcurrentHashMap<>();

  private FlyJson() {}

  static ObjectNode app(App a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", a.id());
    n.put("name", a.name());
    n.put("status", a.status());
    ObjectNode org = n.putObject("organization");
    org.put("name", a.org());
    org.put("slug", a.org());
    n.put("network", "default");
    n.put("machine_count", a.machines().size());
    n.put("volume_count", a.volumes().size());
    return n;
  }

  static ObjectNode machine(Machine m, boolean summary) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    n.put("state", m.state().wire());
    n.put("region", m.region());
    ImageRef ref = ImageRef.parse(m.image());
    ObjectNode image = n.putObject("image_ref");
    image.put("registry", ref.registry());
    image.put("repository", ref.repository());
    image.put("tag", ref.tag());
    image.put("digest", IMAGE_DIGESTS.computeIfAbsent(ref.raw(), raw -> ref.digest()));
    image.putObject("labels");
    n.put("instance_id", m.instanceId());
    n.put("private_ip", m.privateIp());
    n.put("created_at", time(m.createdAt()));
    n.put("updated_at", time(m.updatedAt()));
    if (!summary) {
      n.set("config", m.config());
      n.set("events", events(m.events()));
      n.set("checks", checks(m.checks(), m.updatedAt()));
    }
    n.put("host_status", "ok");
    n.put("cordoned", false);
    return n;
  }

  /** Newest first; timestamps in unix milliseconds. */
  static ArrayNode events(List<MachineEvent> events) {
    ArrayNode arr = MAPPER.createArrayNode();
    for (MachineEvent e : events) {
      ObjectNode ev = arr.addObject();
      ev.put("type", e.type());
      ev.put("status", e.status());
      ev.put("source", e.source());
      ev.put("timestamp", e.timestamp());
      if (e.exitCode() != null) ev.putObject("request").putObject("exit_event").put("exit_code", e.exitCode());
    }
    return arr;
  }

  static ArrayNode checks(List<Check> checks, Instant at) {
    ArrayNode arr = MAPPER.createArrayNode();
    for (Check c : checks) {
      ObjectNode cn = arr.addObject();
      cn.put("name", c.name());
      cn.put("status", c.status());
      cn.put("output", c.output());
      cn.put("updated_at", time(at));
    }
    return arr;
  }

  static ObjectNode volume(Volume v) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", v.id());
    n.put("name", v.name());
    n.put("state", v.state());
    n.put("region", v.region());
    n.put("zone", "e2e1");
    n.put("size_gb", v.sizeGb());
    n.put("encrypted", true);
    n.put("fstype", "ext4");
    if (v.attachedMachineId() != null) n.put("attached_machine_id", v.attachedMachineId());
    n.put("created_at", time(v.createdAt()));
    n.put("host_status", "ok");
    return n;
  }

  static ObjectNode secret(App.Secret s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", s.name());
    n.put("digest", s.digest());
    n.put("created_at", time(s.createdAt()));
    n.put("updated_at", time(s.updatedAt()));
    return n;
  }

  static ObjectNode secrets(List<App.Secret> secrets) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode arr = n.putArray("secrets");
    secrets.forEach(s -> arr.add(secret(s)));
    return n;
  }

  /** Certificates are hostnames the edge routes; locally they are issued at once. */
  static ObjectNode certificate(String hostname) {
    return MAPPER.createObjectNode().put("hostname", hostname).put("status", "Ready").put("configured", true);
  }

  static ObjectNode lease(Leases.Lease l) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("status", "success");
    ObjectNode d = n.putObject("data");
    d.put("nonce", l.nonce());
    d.put("expires_at", l.expiresAt().getEpochSecond());
    d.put("owner", l.owner());
    d.put("description", l.description());
    d.put("version", l.version());
    return n;
  }

  /** The logs REST answer flyctl polls: {@code {"data":[…],"meta":{"next_token":…}}}. */
  static ObjectNode logsPage(List<LogEntry> page, String nextToken) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode data = n.putArray("data");
    page.forEach(e -> data.add(logEntry(e)));
    n.putObject("meta").put("next_token", nextToken);
    return n;
  }

  static ObjectNode logEntry(LogEntry e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", e.id());
    n.put("type", "logs");
    ObjectNode a = n.putObject("attributes");
    a.put("timestamp", e.timestamp().toString());
    a.put("message", e.message());
    a.put("level", e.level());
    a.put("instance", e.instance());
    a.put("region", e.region());
    ObjectNode meta = a.putObject("meta");
    meta.put("instance", e.instance());
    meta.put("region", e.region());
    return n;
  }

  static HttpResponse response(int status, JsonNode node) {
    try {
      return HttpResponse.json(status, MAPPER.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
