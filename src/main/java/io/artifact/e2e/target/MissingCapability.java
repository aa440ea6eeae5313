package io.artifact.e2e.target;

import org.opentest4j.TestAbortedException;

/**
 * A scenario reached a step its target cannot serve: Cucumber reports it skipped (never passed,
 * never failed), and the message, which names the capability, reaches every report.
 */
public final class MissingCapability extends TestAbortedException {

  public static final String PREFIX = "needs capability ";

  private final Capability capability;

  public MissingCapability(Capability capability, String target) {
    super(PREFIX + capability.id() + ", which " + target + " does not offer");
    this.capability = capability;
  }

  public Capability capability() {
    return capability;
  }
}
