package io.artifact.flyemu.router;

/** What a request's host names (stack-contract.md §2.1). */
public sealed interface Host {

  record Base() implements Host {}

  record Computer(String computer) implements Host {}

  record Agent(String agent, String computer) implements Host {}
}
