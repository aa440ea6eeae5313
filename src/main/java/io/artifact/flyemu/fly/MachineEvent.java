package io.artifact.flyemu.fly;

/** One entry of a Machine's event history (timestamp in unix milliseconds, as Fly sends it). */
public record MachineEvent(String type, String status, String source, long timestamp, Integer exitCode) {}
