package io.artifact.e2e.cli;

import io.artifact.e2e.config.ProfileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar artifact-e2e.jar <stack up | run | steps | defects | sweep | manifest>}: bad input is one line on stderr and exit 2. */
@Command(name = "artifact-e2e", mixinStandardHelpOptions = true, version = "artifact-e2e 0.1.0",
    description = "End-to-end specification suite for the Artifact stack on Fly.io.",
    subcommands = {StackCommand.class, RunCommand.class, StepsCommand.class, DefectsCommand.class, SweepCommand.class, ManifestCommand.class})
public final class Main {

  public static final int INVALID_INPUT = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("artifact-e2e: " + ex.getMessage() + " (see --help)");
      return INVALID_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("artifact-e2e: " + ex.getMessage());
      return ex instanceof ProfileException ? INVALID_INPUT : 1;
    });
    return cli;
  }
}
