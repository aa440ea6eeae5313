package io.artifact.e2e.cli;

import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.report.StepCatalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code steps}: the step catalogue — every step pattern with its parameters, one example and the
 * features that use it — from a dry run over every feature (no step runs, no target is touched),
 * printed and written to {@code target-reports/steps.html}. Exit 1 if a step is undefined or ambiguous.
 */
@Command(name = "steps", mixinStandardHelpOptions = true,
    description = "Print every step pattern with its parameters, one example and the features that use it (also target-reports/steps.html).")
public final class StepsCommand implements Callable<Integer> {

  @Option(names = "--features", paramLabel = "DIR", description = "Feature directory (default: ./features, else the copy in the jar).")
  Path features;

  @Option(names = "--reports", paramLabel = "DIR", description = "Where steps.html goes (default: target-reports).")
  Path reports = RunCommand.REPORTS;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunCommand selector = new RunCommand();
    selector.features = features;
    selector.spec = spec;
    SuiteLaunch launch = new SuiteLaunch(selector.featureSelector(), "io.artifact.e2e.steps", reports);
    SuiteLaunch.Outcome o = launch.dryRun();
    StepCatalogue.Catalogue catalogue = launch.catalogue();
    PrintWriter out = spec.commandLine().getOut();
    out.print(catalogue.render());
    catalogue.problems().forEach(p -> out.println("  " + p));
    out.println("catalogue: " + reports.resolve(StepCatalogue.HTML));
    out.flush();
    return catalogue.problems().isEmpty() && o.found() > 0 ? 0 : 1;
  }
}
