package io.artifact.flyemu.nfs;

/** The {@code agent.toml} the router writes for a landing agent (stack-contract.md §1.5), as {@code @std/toml} renders it. */
final class AgentToml {

  private AgentToml() {}

  static String landing() {
    return """
        name = "test-agent"
        version = "0.0.1"
        description = "A test agent"

        [agent]
        command = "deno"
        args = ["run", "-A", "main.ts"]
        cwd = "/app/agent-test"

        [agent.env]
        """;
  }
}
