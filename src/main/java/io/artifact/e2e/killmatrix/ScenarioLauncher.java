package io.artifact.e2e.killmatrix;

import io.artifact.e2e.launch.SuiteLaunch;
import io.artifact.e2e.world.ProfileOverrides;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /**
   * The rows {@code tags} selects, run under {@code overrides}. A run that breaks outside its rows fails with what
   * broke it. One whose glue could not be loaded because another run had the jar's file system open at that moment
   * is begun again once, whole, its first attempt's rows dropped: Cucumber opens the jar to scan the glue as each
   * of its threads starts and the JDK keeps one file system per jar, so runs started side by side from
   * {@code java -jar} can collide (cucumber-jvm#2968: a row or the run fails with FileSystemAlreadyExistsException).
   */
  List<Row> run(String tags, Map<String, String> overrides, int parallelism) {
    Attempt first = attempt(tags, overrides, parallelism);
    Attempt done = first.jarCollision() ? attempt(tags, overrides, parallelism) : first;
    if (!done.broken().isEmpty()) {
      throw new IllegalStateException("the Cucumber run of " + tags + " failed outside its rows: " + String.join("; ", done.broken()));
    }
    return List.copyOf(done.rows());
  }

  /** What one launch showed: its rows, what failed outside them (a feature, the engine itself), and whether the jar collided. */
  record Attempt(List<Row> rows, List<String> broken, boolean jarCollision) {}

  /** Whether {@code t}, or what caused it, is the jar's file system being open already. */
  static boolean jarCollision(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FileSystemAlreadyExistsException) return true;
    }
    return false;
  }

  private Attempt attempt(String tags, Map<String, String> overrides, int parallelism) {
    RowCollector rows = new RowCollector();
    launch()
        .with("cucumber.filter.tags", tags)
        .with("cucumber.plugin", ProfileOverrides.plugin(overrides))
        .parallelism(parallelism)
        .quietly(rows);
    return rows.attempt();
  }

  /** Each row as it finishes; and what failed that is not a row (a feature, the engine), which no row tells of. */
  static final class RowCollector implements TestExecutionListener {

    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<String> broken = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean collided = new AtomicBoolean();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      result.getThrowable().filter(ScenarioLauncher::jarCollision).ifPresent(t -> collided.set(true));
      if (!id.isTest()) {
        result.getThrowable().filter(t -> result.getStatus() == TestExecutionResult.Status.FAILED)
            .ifPresent(t -> broken.add(id.getDisplayName() + ": " + t));
        return;
      }
      Row.Status status = switch (result.getStatus()) {
        case SUCCESSFUL -> Row.Status.PASSED;
        case ABORTED -> Row.Status.SKIPPED; // a capability the target lacks: a skip, not a verdict
        case FAILED -> Row.Status.FAILED;
      };
      // a bare exception (a timeout, say) has no message: its type is what tells
      String why = result.getThrowable().map(t -> (t.getMessage() == null ? t.toString() : t.getMessage()).lines().findFirst().orElse("")).orElse("");
      rows.add(row(id, status, why));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (id.isTest()) rows.add(row(id, Row.Status.SKIPPED, reason));
    }

    Attempt attempt() {
      return new Attempt(List.copyOf(rows), List.copyOf(broken), collided.get());
    }
  }

  /** Every row of the features, found by parsing them only (none runs: {@link Row.Status#SKIPPED}). */
  List<Row> discover() {
    return launch().discover().stream().map(id -> row(id, Row.Status.SKIPPED, "not run")).toList();
  }

  /** The suite's features and glue, without its reports. */
  private SuiteLaunch launch() {
    return new SuiteLaunch(SuiteLaunch.featuresIn(features), "io.artifact.e2e.steps", null);
  }

  private static Row row(TestIdentifier id, Row.Status status, String why) {
    return new Row(shortName(id.getDisplayName()), id.getTags().stream().map(t -> "@" + t.getName()).collect(Collectors.toSet()), status, why);
  }

  /** "Feature - Outline - Examples - Example #1.2: Router ingress — signed-out API client" → the row's own name. */
  static String shortName(String displayName) {
    int example = displayName.lastIndexOf(": ");
    if (displayName.contains("Example #") && example >= 0) return displayName.substring(example + 2);
    int dash = displayName.lastIndexOf(" - ");
    return dash < 0 ? displayName : displayName.substring(dash + 3);
  }
}
