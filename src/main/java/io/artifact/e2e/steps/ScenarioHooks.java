package io.artifact.e2e.steps;

import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.world.CleanupLedger;
import io.artifact.e2e.world.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every scenario: bind the world to the report before the first step; afterwards — pass or
 * fail — attach the Fly calls, tear down everything on the cleanup ledger in reverse order,
 * attach and archive the manifest, and fail the scenario if any teardown failed.
 */
public final class ScenarioHooks {

  private final ScenarioWorld world;

  public ScenarioHooks(ScenarioWorld world) {
    this.world = world;
  }

  @Before(order = 0)
  public void begin(Scenario scenario) {
    world.begin(scenario.getName(), scenario.getSourceTagNames(), scenario.getId(), a -> scenario.attach(a.content(), a.mediaType(), a.name()));
  }

  @After(order = 0)
  public void finish(Scenario scenario) throws IOException {
    try {
      tearDown(scenario);
    } finally {
      world.end();
    }
  }

  private void tearDown(Scenario scenario) throws IOException {
    List<CleanupLedger.Outcome> teardown = world.cleanup().unwind();
    world.evidence().flushLogs(); // Fly and Clerk API calls (teardown's too), exec notifications, faults
    world.manifest().put("status", scenario.getStatus().name().toLowerCase()).put("cleanup", teardown);
    world.evidence().json("scenario-manifest.json", world.manifest().asMap());
    archive(scenario);
    List<CleanupLedger.Outcome> failed = teardown.stream().filter(o -> !o.ok()).toList();
    if (!failed.isEmpty()) {
      throw new AssertionError("cleanup failed for " + failed.size() + " resource(s): "
          + failed.stream().map(o -> o.description() + " (" + o.error() + ")").toList());
    }
  }

  /** {@code target-reports/e2e/<run>/<scenario>-<slice>/}: the manifest and every (already redacted) attachment. */
  private void archive(Scenario scenario) throws IOException {
    String name = scenario.getName().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-" + world.slice().runId();
    Path dir = Files.createDirectories(world.runtime().archive().resolve(name));
    for (Evidence.Attachment a : world.evidence().all()) {
      Path file = dir.resolve(a.name().replaceAll("[^A-Za-z0-9._-]+", "-"));
      if (Files.exists(file)) Files.writeString(file, "\n" + a.text(), java.nio.file.StandardOpenOption.APPEND);
      else Files.write(file, a.content());
    }
  }
}
