package io.artifact.e2e.flyctl;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The python3 the fake {@code fly}s run under. The system interpreter when there is one, started with
 * {@code -S} (the fakes need only the standard library): a version manager's shim on PATH (pyenv's is a
 * shell script) costs ~150 ms of CPU per start, and the fakes start a few hundred times per test run.
 */
final class Python3 {

  private static final Path SYSTEM = Path.of("/usr/bin/python3");

  private Python3() {}

  /** The command line that starts it, e.g. {@code /usr/bin/python3 -S}. */
  static String command() {
    return Files.isExecutable(SYSTEM) ? SYSTEM + " -S" : "python3";
  }

  /** A shebang line for a script run by it. */
  static String shebang() {
    return Files.isExecutable(SYSTEM) ? "#!" + SYSTEM + " -S" : "#!/usr/bin/env python3";
  }
}
