package io.artifact.flyemu.router;

/**
 * Whether a signed-in user may reach a computer (and its agents). The docs imply one and the real
 * router has a TODO instead (stack-contract.md §2.3, §2.9, §8 G7): only your own computer.
 */
@FunctionalInterface
interface AccessCheck {

  AccessCheck OWN_COMPUTER_ONLY = (user, computer) -> computer.equals(user);

  /** Defect {@code defect-no-access-check}: the real router's TODO, any signed-in user reaches any computer. */
  AccessCheck ANYONE = (user, computer) -> true;

  boolean allows(String user, String computer);
}
