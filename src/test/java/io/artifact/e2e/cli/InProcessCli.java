package io.artifact.e2e.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The CLI as a user runs it, in this JVM, keeping what it printed (callers hold the system-properties lock). */
final class InProcessCli {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int execute(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }
}
