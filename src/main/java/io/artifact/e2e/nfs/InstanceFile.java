package io.artifact.e2e.nfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * An instance file {@code exec/<agent>.json} as ops read it (stack-contract.md §1.3): the desired
 * {@code software} state, the {@code hardware} progress exec reports, the image record snapshot
 * and the worker Machine id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"software", "hardware", "record", "machineId"})
public record InstanceFile(
    @JsonProperty("software") String software,
    @JsonProperty("hardware") String hardware,
    @JsonProperty("record") Map<String, Object> record,
    @JsonProperty("machineId") String machineId) {

  public static InstanceFile queued(Map<String, Object> record) {
    return new InstanceFile("running", "queued", record, null);
  }

  public InstanceFile withSoftware(String s) {
    return new InstanceFile(s, hardware, record, machineId);
  }

  /** One line for histories and messages: {@code running/starting on 3d8e…}. */
  public String summary() {
    return software + "/" + hardware + (machineId == null ? "" : " on " + machineId);
  }
}
