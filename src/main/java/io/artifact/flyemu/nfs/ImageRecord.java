package io.artifact.flyemu.nfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An agent image's release record (stack-contract.md §1.4): the image and the guest size a
 * worker Machine gets. Unknown keys are dropped when read, as the zod schema strips them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"image", "cpu_kind", "cpus", "memory_mb"})
public record ImageRecord(
    @JsonProperty("image") String image,
    @JsonProperty("cpu_kind") String cpuKind,
    @JsonProperty("cpus") int cpus,
    @JsonProperty("memory_mb") int memoryMb) {

  public ImageRecord {
    if (image == null) throw new LayoutException("image record: image is required");
    if (!"shared".equals(cpuKind) && !"dedicated".equals(cpuKind)) {
      throw new LayoutException("image record: cpu_kind must be shared or dedicated, got " + cpuKind);
    }
    if (cpus <= 0) throw new LayoutException("image record: cpus must be a positive integer, got " + cpus);
    if (memoryMb % 256 != 0) throw new LayoutException("image record: memory_mb must be a multiple of 256, got " + memoryMb);
  }

  /** The record provisioning seeds for {@code host-coder}. */
  public static ImageRecord hostCoder() {
    return new ImageRecord("registry.fly.io/host-coder:latest", "shared", 1, 256);
  }
}
