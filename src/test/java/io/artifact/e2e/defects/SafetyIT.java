package io.artifact.e2e.defects;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.ScenarioRun;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The production guard: a profile marked production refuses every @destructive scenario before its first step. */
@DisabledIfSystemProperty(named = "cucumber.filter.tags", matches = ".+", disabledReason = "a tag-filtered run checks scenarios only; plain mvn verify proves them")
class SafetyIT {

  @Test
  void destructiveScenariosAreRefusedOnAProductionProfile() {
    ScenarioRun.Result r = ScenarioRun.run("@destructive and @BASELINE", Map.of("production", "true"));
    assertThat(r.failed()).as("refused scenarios").isEqualTo(3);
    assertThat(r.succeeded()).as("scenarios that ran anyway").isZero();
    assertThat(r.failures()).allSatisfy(f -> assertThat(f).contains("refusing a @destructive scenario").contains("production=true"));
  }
}
