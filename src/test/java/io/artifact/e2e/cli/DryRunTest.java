package io.artifact.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.report.StepCatalogue;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The dry run (run --dry-run) and the step catalogue (steps): every step matched, none run, no target touched. */
// runs the CLI or the suite in-process: they share the JVM's system properties (env, tag filter, dry run)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class DryRunTest {

  private final InProcessCli cli = new InProcessCli();
  private final StringWriter out = cli.out;

  @TempDir
  Path reports;

  private int execute(String... args) {
    return cli.execute(args);
  }

  @AfterEach
  void forgetProfile() {
    System.clearProperty("env");
  }

  @Test
  void anUndefinedStepFailsTheDryRunNamingFileLineAndText() {
    assertThat(execute("run", "--dry-run", "--features", "src/test/resources/undefined", "--reports", reports.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("src/test/resources/undefined/undefined.feature:7: undefined step: When the moon turns into cheese");
  }

  /** An unknown profile: had the dry run run a hook (the stack's, which loads the profile and opens the target), every row would fail. */
  @Test
  void theDryRunOfEveryFeatureStartsNoStackAndFindsEveryStepDefined() throws Exception {
    System.setProperty("env", "no-such-profile");
    assertThat(execute("run", "--dry-run", "--reports", reports.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains(" 0 undefined or ambiguous step(s)");
    // every example the catalogue quotes is the text on that line of that feature
    for (StepCatalogue.Step s : StepCatalogue.Catalogue.read(reports).steps()) {
      if (s.example() == null) continue;
      String[] at = s.example().location().split(":");
      List<String> lines = Files.readAllLines(Path.of(at[0]));
      assertThat(lines.get(Integer.parseInt(at[1]) - 1).strip()).as(s.example().location()).startsWith(s.example().text().split(" ")[0]);
    }
  }

  @Test
  void theCatalogueListsAKnownStepWithItsParametersExampleAndFeature() {
    SuiteLaunch launch = new SuiteLaunch(selectDirectory("src/test/resources/flaky"), "io.artifact.e2e.support.flaky", reports);
    assertThat(launch.dryRun().failed()).isZero();
    StepCatalogue.Catalogue c = launch.catalogue();
    StepCatalogue.Step passes = c.steps().stream().filter(s -> s.pattern().equals("a step that passes")).findFirst().orElseThrow();
    assertThat(passes.example().location()).isEqualTo("src/test/resources/flaky/flaky.feature:8");
    assertThat(passes.example().text()).isEqualTo("Given a step that passes");
    assertThat(passes.features()).containsEntry("Reruns tell a flaky row from a failed one", 1);
    assertThat(passes.definedAt()).contains("FlakySteps");
    assertThat(c.render()).contains("a step that always fails\n  parameters: none\n  example:    Given a step that always fails  (src/test/resources/flaky/flaky.feature:16)");
  }

  @Test
  void theStepsCommandPrintsEveryPatternWithParametersAndWritesTheHtmlCatalogue() throws Exception {
    assertThat(execute("steps", "--reports", reports.toString())).as(out.toString()).isZero();
    Document html = Jsoup.parse(reports.resolve(StepCatalogue.HTML).toFile());
    int patterns = html.select("#steps tr.step").size();
    assertThat(patterns).isGreaterThan(10);
    assertThat(out.toString()).contains(patterns + " step patterns");
    assertThat(html.select("#steps tr.step td.parameters").eachText()).anySatisfy(p -> assertThat(p).startsWith("{"));
    assertThat(html.select("#steps tr.step td.features").eachText()).allSatisfy(f -> assertThat(f).doesNotContain("/work/"));
    assertThat(out.toString()).contains("  parameters: {").contains("  used in:    ");
  }
}
