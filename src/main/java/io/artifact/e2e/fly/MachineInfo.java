package io.artifact.e2e.fly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Machine as Fly reports it; {@code raw} keeps the whole JSON for evidence. */
public record MachineInfo(String id, String name, String state, String region, String image, String instanceId,
    Map<String, String> env, Map<String, String> metadata, List<CheckInfo> checks, JsonNode raw) {

  /** A Fly health check result. */
  public record CheckInfo(String name, String status, String output) {}

  public static MachineInfo from(JsonNode n) {
    JsonNode config = n.path("config");
    Map<String, String> env = new LinkedHashMap<>();
    config.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    Map<String, String> metadata = new LinkedHashMap<>();
    config.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
    List<CheckInfo> checks = new java.util.ArrayList<>();
    n.path("checks").forEach(c -> checks.add(new CheckInfo(c.path("name").asText(), c.path("status").asText(), c.path("output").asText())));
    return new MachineInfo(n.path("id").asText(), n.path("name").asText(), n.path("state").asText(), n.path("region").asText(),
        config.path("image").asText(), n.path("instance_id").asText(), env, metadata, List.copyOf(checks), n);
  }

  public boolean started() {
    return "started".equals(state);
  }
}
