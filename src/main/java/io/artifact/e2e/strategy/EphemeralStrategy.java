package io.artifact.e2e.strategy;

/**
 * Ephemeral org slices: each run (each scenario on the embedded stack) creates {@code <org>-e2e-<runid>…}
 * apps, its NFS volume and Machines with the current images and the secrets they need, and destroys the
 * apps (with their Machines and volumes) in reverse creation order, revoking the slice's org token — all
 * in Phase 1 provisioning and the cleanup ledger, listed in each scenario manifest ({@code created},
 * {@code cleanup}). Nothing is left at run level.
 */
final class EphemeralStrategy implements EnvironmentStrategy {
  @Override
  public String name() {
    return "ephemeral";
  }
}
