package io.artifact.flyemu.mcp.flyctl;

/** What a flyctl run leaves behind: its exit code, stdout and stderr (fly-facts.md §5.1). */
public record FlyctlOutput(int exitCode, String stdout, String stderr) {

  public static FlyctlOutput ok(String stdout) {
    return new FlyctlOutput(0, stdout, "");
  }

  /** flyctl's error form: text on stderr, exit code 1. */
  public static FlyctlOutput error(String message) {
    return new FlyctlOutput(1, "", "Error: " + message + "\n");
  }
}
