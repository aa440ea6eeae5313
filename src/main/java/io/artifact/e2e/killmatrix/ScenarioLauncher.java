package io.artifact.e2e.killmatrix;

import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.world.ProfileOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * One Cucumber run in this JVM ({@link SuiteLaunch#quietly}): the rows a tag expression
 * selects, under profile overrides passed to the scenarios by the {@link ProfileOverrides} plugin
 * (so runs of different variants may go at once), without the run's reports.
 */
final class ScenarioLauncher {

  private final Path features;

  ScenarioLauncher(Path features) {
    this.features = features;
  }

  List<Row> run(String tags, Map<String, String> overrides, int parallelism) {
    List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        Row.Status status = switch (result.getStatus()) {
          case SUCCESSFUL -> Row.Status.PASSED;
          case ABORTED -> Row.Status.SKIPPED; // a capability the target lacks: a skip, not a verdict
          case FAILED -> Row.Status.FAILED;
        };
        String why = result.getThrowable().map(t -> String.valueOf(t.getMessage()).lines().findFirst().orElse("")).orElse("");
        rows.add(new Row(shortName(id.getDisplayName()), id.getTags().stream().map(t -> "@" + t.getName()).collect(Collectors.toSet()), status, why));
      }

      @Override
      public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) rows.add(new Row(shortName(id.getDisplayName()), id.getTags().stream().map(t -> "@" + t.getName()).collect(Collectors.toSet()),
            Row.Status.SKIPPED, reason));
      }
    };
    new SuiteLaunch(SuiteLaunch.featuresIn(features), "io.artifact.e2e.steps", null)
        .with("cucumber.filter.tags", tags)
        .with("cucumber.plugin", ProfileOverrides.plugin(overrides))
        .parallelism(parallelism)
        .quietly(listener);
    return List.copyOf(rows);
  }

  /** "Feature - Outline - Examples - Example #1.2: Router ingress — signed-out API client" → the row's own name. */
  static String shortName(String displayName) {
    int example = displayName.lastIndexOf(": ");
    if (displayName.contains("Example #") && example >= 0) return displayName.substring(example + 2);
    int dash = displayName.lastIndexOf(" - ");
    return dash < 0 ? displayName : displayName.substring(dash + 3);
  }
}
