package io.artifact.e2e.cli;

import io.artifact.e2e.manifest.ManifestSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code manifest validate FILE}: checks a scenario manifest against its schema; one line per problem, naming its JSON path. */
@Command(name = "manifest", description = "Scenario manifests (artifacts/e2e/<timestamp>.json).", mixinStandardHelpOptions = true,
    subcommands = {ManifestCommand.Validate.class})
public final class ManifestCommand {

  @Command(name = "validate", description = "Check FILE against the scenario manifest schema; exit 2 naming each error's JSON path.",
      mixinStandardHelpOptions = true)
  static final class Validate implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A scenario manifest (JSON).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<String> problems = problems(file);
      if (problems.isEmpty()) {
        out.println(file + ": valid scenario manifest");
        out.flush();
        return 0;
      }
      problems.forEach(p -> err.println(file + ": " + p));
      err.flush();
      return Main.INVALID_INPUT;
    }
  }

  /** Problems with a manifest file, each naming the file's JSON path (an unreadable file is one problem at {@code $}). */
  static List<String> problems(Path file) {
    try {
      return ManifestSchema.problems(Files.readString(file));
    } catch (IOException e) {
      return List.of("$: cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }
}
