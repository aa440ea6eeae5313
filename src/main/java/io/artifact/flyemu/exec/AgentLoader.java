package io.artifact.flyemu.exec;

/** How exec brings an agent up on a fresh worker Machine (stack-contract.md §3.6). */
public interface AgentLoader {

  /** Returns once the Machine answers its ping; {@link BootFailedException} if it died or timed out. */
  void awaitBoot(String machineId);

  /** Calls the MCP {@code load} tool; {@link LoadFailedException} unless it answers {@code ok}. */
  void load(String machineId, String computer, String agent);
}
