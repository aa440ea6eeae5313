package io.artifact.e2e.fly;

import com.fasterxml.jackson.databind.JsonNode;

/** A Fly volume. */
public record VolumeInfo(String id, String name, String region, int sizeGb, String attachedMachineId) {

  /** From a Volume as the Machines API (and {@code fly volumes list --json}) prints it. */
  public static VolumeInfo from(JsonNode n) {
    return new VolumeInfo(n.path("id").asText(), n.path("name").asText(), n.path("region").asText(), n.path("size_gb").asInt(),
        n.path("attached_machine_id").asText(null));
  }
}
