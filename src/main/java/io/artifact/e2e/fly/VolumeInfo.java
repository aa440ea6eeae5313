package io.artifact.e2e.fly;

/** A Fly volume. */
public record VolumeInfo(String id, String name, String region, int sizeGb, String attachedMachineId) {}
