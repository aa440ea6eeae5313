package io.artifact.e2e.flyctl;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A flyctl call that failed, in one line naming the command (token redacted) and the reason: the
 * exit code with the first stderr line (flyctl always reports errors as text on stderr,
 * fly-facts.md §5.1), or the bound it did not finish within. {@link #stderr()} keeps the rest.
 */
public final class FlyctlException extends RuntimeException {

  static final String NOT_ON_PATH = "fly (flyctl) is not on PATH; install it or use a profile whose target is not fly";

  private final String command;
  private final OptionalInt exitCode;
  private final String stderr;

  FlyctlException(String message, String command, OptionalInt exitCode, String stderr) {
    super(message);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }

  static FlyctlException notOnPath(String command) {
    return new FlyctlException(NOT_ON_PATH, command, OptionalInt.empty(), "");
  }

  /** A failure without an exit code: could not start, did not open, stopped early. */
  static FlyctlException failed(String command, String why) {
    return new FlyctlException(command + " " + why, command, OptionalInt.empty(), "");
  }

  static FlyctlException exited(String command, int code, String stderr) {
    return new FlyctlException(command + " exited " + code + meaning(code) + ": " + summary(stderr), command,
        OptionalInt.of(code), stderr);
  }

  static FlyctlException timedOut(String command, Duration bound, String stderr) {
    return new FlyctlException(command + " did not finish within " + CommandLine.human(bound), command,
        OptionalInt.empty(), stderr);
  }

  /** The command line as recorded, token redacted. */
  public String command() {
    return command;
  }

  /** Empty when the call never finished (timeout, not on PATH). */
  public OptionalInt exitCode() {
    return exitCode;
  }

  public String stderr() {
    return stderr;
  }

  /** flyctl's own exit codes (fly-facts.md §5.1); 1 is every ordinary error and needs no gloss. */
  private static String meaning(int code) {
    return switch (code) {
      case 126 -> " (flyctl deadline exceeded)";
      case 127 -> " (flyctl cancelled)";
      case 3 -> " (flyctl panicked)";
      default -> "";
    };
  }

  /**
   * The first stderr line; when flyctl's own {@code Error:} line comes later (after the remote
   * command's stderr or a warning), it is appended so both the cause and flyctl's verdict show.
   */
  static String summary(String stderr) {
    String first = null;
    String error = null;
    for (String line : stderr.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty()) continue;
      if (first == null) first = l;
      if (error == null && l.startsWith("Error")) error = l;
    }
    if (first == null) return "(nothing on stderr)";
    return error == null || error.equals(first) ? first : first + " … " + error;
  }
}
