package io.artifact.flyemu.fly;

import java.nio.file.Path;
import java.time.Instant;

/** A Fly volume backed by a local directory; it attaches to the Machine that mounts it. */
public final class Volume {

  private final String id;
  private final String name;
  private final String region;
  private final int sizeGb;
  private final Path directory;
  private final Instant createdAt;
  private volatile String attachedMachineId;

  Volume(String id, String name, String region, int sizeGb, Path directory, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.region = region;
    this.sizeGb = sizeGb;
    this.directory = directory;
    this.createdAt = createdAt;
  }

  public String id() { return id; }
  public String name() { return name; }
  public String region() { return region; }
  public int sizeGb() { return sizeGb; }
  public Path directory() { return directory; }
  public Instant createdAt() { return createdAt; }
  public String attachedMachineId() { return attachedMachineId; }

  void attach(String machineId) {
    this.attachedMachineId = machineId;
  }

  public String state() {
    return "created";
  }
}
