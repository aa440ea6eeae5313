package io.artifact.flyemu.fly;

import java.util.Locale;

/** Fly's Machine states with their wire names (fly-facts.md §4). */
public enum MachineState {
  CREATED, STARTING, STARTED, STOPPING, STOPPED, SUSPENDING, SUSPENDED, RESTARTING, REPLACING,
  DESTROYING, DESTROYED, FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MachineState fromWire(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PlatformException.invalid("invalid_argument: unknown machine state '" + s + "'");
    }
  }

  /** States a Machine rests in; everything else is on its way somewhere. */
  public boolean resting() {
    return this == CREATED || this == STARTED || this == STOPPED || this == SUSPENDED || this == FAILED || this == DESTROYED;
  }

  /** Destroy without force is refused unless the Machine is in one of these (412 otherwise). */
  public boolean destroyableWithoutForce() {
    return this == STOPPED || this == SUSPENDED || this == FAILED || this == CREATED;
  }
}
