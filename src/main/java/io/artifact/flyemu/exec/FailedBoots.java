package io.artifact.flyemu.exec;

/**
 * What exec does with an instance whose worker Machine did not come up: the create was refused,
 * the Machine died or vanished mid-boot, or a stopped one would not start again (stack-contract.md
 * §8 G10, G12).
 */
interface FailedBoots {

  /** The documented exec (E2E EXEC-010): re-queue and retry, up to {@code maxAttempts} failures in a row. */
  static FailedBoots retryUpTo(int maxAttempts) {
    return new BootRetries(maxAttempts);
  }

  /**
   * {@code defect-no-retry} and {@code impl} (G12 IMPL): the failure is only logged; the file stays
   * {@code starting} for good and nothing is created again.
   */
  FailedBoots GIVE_UP = (instance, why) -> {
    instance.log("boot failed: " + why);
    return false;
  };

  /** Handles one failed boot; returns whether the instance file changed. */
  boolean failed(Reconciling instance, String why);

  /** The instance reached {@code running}: a later failure is a first one again. */
  default void running(Reconciling instance) {}
}
