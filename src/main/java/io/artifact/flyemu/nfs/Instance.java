package io.artifact.flyemu.nfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An instance file {@code exec/<agent>.json} (stack-contract.md §1.3): the router writes the
 * desired {@code software} state, exec writes the observed {@code hardware} progress.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"software", "hardware", "record", "machineId"})
public record Instance(
    @JsonProperty("software") Software software,
    @JsonProperty("hardware") Hardware hardware,
    @JsonProperty("record") ImageRecord record,
    @JsonProperty("machineId") String machineId) {

  public enum Software {
    RUNNING, STOPPED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Hardware {
    QUEUED, STARTING, LOADABLE, RUNNING, STOPPING;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Instance {
    if (software == null || hardware == null || record == null) {
      throw new LayoutException("instance file: software, hardware and record are required");
    }
  }

  /** What the router writes for an agent that should run. */
  public static Instance queued(ImageRecord record) {
    return new Instance(Software.RUNNING, Hardware.QUEUED, record, null);
  }

  public Instance with(Hardware h) {
    return new Instance(software, h, record, machineId);
  }

  public Instance with(Hardware h, String newMachineId) {
    return new Instance(software, h, record, newMachineId);
  }

  /** The same instance with another image record snapshot: the release its Machine is created from. */
  public Instance with(ImageRecord r) {
    return new Instance(software, hardware, r, machineId);
  }

  public Instance with(Software s) {
    return new Instance(s, hardware, record, machineId);
  }
}
