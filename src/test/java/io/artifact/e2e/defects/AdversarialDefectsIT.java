package io.artifact.e2e.defects;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.ScenarioRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adversarial rows (ROUTER-001 bad sessions and G7, CONTROL-040 guards) can fail: each defective
 * variant fails exactly the rows that guard against it, the default images pass them all, and a target
 * without the Clerk signing key skips the rows that need it instead of passing them.
 */
@DisabledIfSystemProperty(named = "cucumber.filter.tags", matches = ".+", disabledReason = "a tag-filtered run checks scenarios only; plain mvn verify proves them")
class AdversarialDefectsIT {

  private static final String ROUTER = "registry.fly.io/fly-router:";
  private static final String SESSIONS = "@ROUTER-001 and @adversarial";
  private static final String GUARDS = "@CONTROL-040 and @adversarial";

  private static final List<String> SESSION_ROWS = List.of("A session that is expired is refused",
      "A session that is not valid yet is refused", "A session that is issued in the future is refused",
      "A session that is issued for another site is refused",
      "A session that is signed by another key under the instance's key id is refused",
      "A session that is signed by a key the instance does not have is refused", "A session that is malformed is refused",
      "Bob reaching for alice's computer is refused", "Bob reaching for alice's agent is refused");
  private static final List<String> GUARD_ROWS = List.of("Destroying a Machine with flyctl is refused, audited and changes nothing",
      "A Clerk secret set through the control plane is never shown again", "A Fly token passed to flyctl is refused and never shown again");

  @ParameterizedTest(name = "fly-router:{0} is caught by: {1}")
  @CsvSource(delimiter = '|', value = {
      "doc                       | ",
      "defect-accepts-expired    | A session that is expired is refused",
      "defect-accepts-not-yet-valid | A session that is not valid yet is refused",
      "defect-accepts-future-iat | A session that is issued in the future is refused",
      "defect-ignores-azp        | A session that is issued for another site is refused",
      "defect-any-key            | A session that is signed by another key under the instance's key id is refused; "
          + "A session that is signed by a key the instance does not have is refused",
      "defect-malformed-as-guest | A session that is malformed is refused",
      "defect-no-access-check    | Bob reaching for alice's computer is refused; Bob reaching for alice's agent is refused"})
  void aDefectiveRouterFailsExactlyTheSessionRowsThatGuardAgainstIt(String tag, String caughtBy) {
    assertFailsExactly(ScenarioRun.run(SESSIONS, Map.of("image.router", ROUTER + tag)), SESSION_ROWS, caughtBy, "fly-router:" + tag);
  }

  @ParameterizedTest(name = "control plane {0} is caught by: {1}")
  @CsvSource(delimiter = '|', value = {
      "none            | ",
      "run-any-command | Destroying a Machine with flyctl is refused, audited and changes nothing",
      "echoes-secrets  | A Clerk secret set through the control plane is never shown again; A Fly token passed to flyctl is refused and never shown again"})
  void aDefectiveControlPlaneFailsExactlyTheGuardRowsThatGuardAgainstIt(String defect, String caughtBy) {
    assertFailsExactly(ScenarioRun.run(GUARDS, Map.of("stack.mcp.defect", defect)), GUARD_ROWS, caughtBy, "control plane " + defect);
  }

  @Test
  void withoutTheClerkSigningKeyTheRowsThatNeedItAreSkippedNotPassed() {
    ScenarioRun.Result r = ScenarioRun.run(SESSIONS, Map.of("capabilities.withhold", "clerk-signing-key"));
    assertThat(r.failures()).isEmpty();
    assertThat(r.skipped()).as("expired, not valid yet, issued in the future, issued for another site").isEqualTo(4);
    assertThat(r.succeeded()).isEqualTo(SESSION_ROWS.size() - 4);
  }

  private static void assertFailsExactly(ScenarioRun.Result r, List<String> rows, String caughtBy, String variant) {
    assertThat(r.succeeded() + r.failed()).as("adversarial rows run against " + variant).isEqualTo(rows.size());
    List<String> failedRows = rows.stream().filter(row -> r.failures().stream().anyMatch(f -> f.contains(row))).toList();
    List<String> expected = caughtBy == null ? List.of() : List.of(caughtBy.split("; "));
    assertThat(failedRows).as("rows failing against %s; failures: %s", variant, r.failures()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(r.failed()).isEqualTo(expected.size());
  }
}
