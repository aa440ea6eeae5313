package io.artifact.e2e.defects;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.ScenarioRun;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * AGENT-030 passes on the default images and fails on each defective exec: one that takes a
 * malformed release manifest as it reads (every unhappy row must catch it) and one that keeps the
 * first release it saw (the happy row must catch it).
 */
@DisabledIfSystemProperty(named = "cucumber.filter.tags", matches = ".+", disabledReason = "a tag-filtered run checks scenarios only; plain mvn verify proves them")
class AgentReleaseDefectsIT {

  private static final String EXEC = "registry.fly.io/fly-exec:";

  @Test
  void agentReleasesPassOnTheDefaultImages() {
    ScenarioRun.Result r = ScenarioRun.run("@AGENT-030", Map.of());
    assertThat(r.failures()).isEmpty();
    assertThat(r.succeeded()).isEqualTo(4);
  }

  @Test
  void anExecThatAcceptsAMalformedManifestIsCaughtByEveryUnhappyRow() {
    ScenarioRun.Result r = ScenarioRun.run("@AGENT-030", Map.of("image.exec", EXEC + "defect-accepts-malformed-release"));
    assertThat(r.failures()).as("rows that caught the defect").hasSize(3)
        .anySatisfy(f -> assertThat(f).contains("a release with bad JSON is rejected"))
        .anySatisfy(f -> assertThat(f).contains("a release with no memory size is rejected"))
        .anySatisfy(f -> assertThat(f).contains("a release with an image the registry does not have is rejected"));
    assertThat(r.succeeded()).as("the happy row still passes: a valid release is accepted either way").isEqualTo(1);
  }

  @Test
  void anExecThatIgnoresNewReleasesIsCaughtByTheHappyRow() {
    ScenarioRun.Result r = ScenarioRun.run("@AGENT-030 and @happy", Map.of("image.exec", EXEC + "defect-stale-release"));
    assertThat(r.failures()).as("rows that caught the defect").singleElement().asString()
        .contains("a new release reaches the next new agent").contains("deployment-");
  }
}
