package io.artifact.e2e.killmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a variant counts as killed, and when the impl run matches its declared gaps. */
class KillMatrixVerdictTest {

  private static final Catalogue.Entry ENTRY = new Catalogue.Entry("fly-router:defect-skip-auth", "@ROUTER-001 and @happy", null, "d", null);

  private static Row row(String name, Row.Status s, String... tags) {
    return new Row(name, Set.of(tags), s, "");
  }

  @Test
  void killedNeedsItsGuardingRowsFailedAndAPassingControl() {
    Row failed = row("a", Row.Status.FAILED), passed = row("b", Row.Status.PASSED), control = row("c", Row.Status.PASSED);
    assertThat(new KillMatrix.Verdict(ENTRY, List.of(failed, row("b", Row.Status.FAILED)), List.of(control), Duration.ZERO).outcome()).isEqualTo("killed");
    assertThat(new KillMatrix.Verdict(ENTRY, List.of(passed), List.of(control), Duration.ZERO).outcome()).isEqualTo("SURVIVED");
    assertThat(new KillMatrix.Verdict(ENTRY, List.of(failed), List.of(row("c", Row.Status.FAILED)), Duration.ZERO).killed()).isFalse();
    assertThat(new KillMatrix.Verdict(ENTRY, List.of(failed), List.of(), Duration.ZERO).outcome()).isEqualTo("NO CONTROL ROW");
    assertThat(new KillMatrix.Verdict(ENTRY, List.of(row("s", Row.Status.SKIPPED)), List.of(control), Duration.ZERO).killed()).isFalse();
  }

  @Test
  void killedMeansExactlyTheCataloguedRowsFailedAndTheOthersItRanPassed() {
    Catalogue.Entry named = new Catalogue.Entry("fly-router:defect-accepts-expired", "@ROUTER-001 and @instance-signed",
        List.of("expired"), "d", null);
    Row expired = row("A session that is expired is refused", Row.Status.FAILED);
    Row notYet = row("A session that is not valid yet is refused", Row.Status.PASSED);
    Row control = row("c", Row.Status.PASSED);
    assertThat(new KillMatrix.Verdict(named, List.of(expired, notYet), List.of(control), Duration.ZERO).outcome()).isEqualTo("killed");

    KillMatrix.Verdict tooBroad = new KillMatrix.Verdict(named, List.of(expired, row(notYet.name(), Row.Status.FAILED)), List.of(control), Duration.ZERO);
    assertThat(tooBroad.outcome()).isEqualTo("NOT AS CATALOGUED");
    assertThat(tooBroad.alsoFailed()).extracting(Row::name).containsExactly(notYet.name());

    KillMatrix.Verdict partly = new KillMatrix.Verdict(ENTRY, List.of(row("a", Row.Status.FAILED), row("b", Row.Status.PASSED)), List.of(control), Duration.ZERO);
    assertThat(partly.killed()).as("without rows, every row of caught_by must fail").isFalse();
    assertThat(partly.missed()).extracting(Row::name).containsExactly("b");

    Catalogue.Entry stale = new Catalogue.Entry("v", "@x", List.of("expired", "renamed row"), "d", null);
    KillMatrix.Verdict staleWords = new KillMatrix.Verdict(stale, List.of(expired), List.of(control), Duration.ZERO);
    assertThat(staleWords.unmatchedWords()).containsExactly("renamed row");
    assertThat(staleWords.killed()).isFalse();
  }

  @Test
  void implMustFailExactlyTheRowsOfItsReproducedGaps() {
    Row g1 = row("signed out", Row.Status.FAILED, "@ROUTER-001", "@G1");
    Row clean = row("signed in", Row.Status.PASSED, "@ROUTER-001");
    Row g7 = row("other user", Row.Status.PASSED, "@ROUTER-001", "@G7"); // a gap impl does not reproduce may pass
    KillMatrix.ImplVerdict asDeclared = new KillMatrix.ImplVerdict(Set.of("G1"), List.of(g1, clean, g7), Duration.ZERO);
    assertThat(asDeclared.asDeclared()).isTrue();
    assertThat(asDeclared.flaggedGaps()).containsExactly("G1");

    KillMatrix.ImplVerdict twoGaps = new KillMatrix.ImplVerdict(Set.of("G17"),
        List.of(row("rejected, then good release", Row.Status.FAILED, "@AGENT-030", "@G16", "@G17")), Duration.ZERO);
    assertThat(twoGaps.flaggedGaps()).as("only the reproduced gap explains the failure").containsExactly("G17");
    assertThat(twoGaps.asDeclared()).isTrue();

    KillMatrix.ImplVerdict extraFailure = new KillMatrix.ImplVerdict(Set.of("G1"),
        List.of(g1, row("signed in", Row.Status.FAILED, "@ROUTER-001")), Duration.ZERO);
    assertThat(extraFailure.asDeclared()).isFalse();
    assertThat(extraFailure.unexpectedFailures()).extracting(Row::name).containsExactly("signed in");

    KillMatrix.ImplVerdict missedGap = new KillMatrix.ImplVerdict(Set.of("G1"), List.of(row("signed out", Row.Status.PASSED, "@G1")), Duration.ZERO);
    assertThat(missedGap.unexpectedPasses()).hasSize(1);
    assertThat(missedGap.asDeclared()).isFalse();
  }

  @Test
  void aSurvivorOrAnImplOffItsDeclarationFailsTheRun() {
    KillMatrix.Verdict killed = new KillMatrix.Verdict(ENTRY, List.of(row("a", Row.Status.FAILED)), List.of(row("c", Row.Status.PASSED)), Duration.ZERO);
    KillMatrix.Verdict survived = new KillMatrix.Verdict(ENTRY, List.of(row("a", Row.Status.PASSED)), List.of(row("c", Row.Status.PASSED)), Duration.ZERO);
    KillMatrix.ImplVerdict implOk = new KillMatrix.ImplVerdict(Set.of("G1"), List.of(row("x", Row.Status.FAILED, "@G1")), Duration.ZERO);
    KillMatrix.ImplVerdict implOff = new KillMatrix.ImplVerdict(Set.of("G1"), List.of(row("x", Row.Status.PASSED, "@G1")), Duration.ZERO);
    assertThat(new KillMatrix.Result(List.of(killed), implOk, Duration.ZERO).ok()).isTrue();
    assertThat(new KillMatrix.Result(List.of(killed, survived), implOk, Duration.ZERO).ok()).isFalse();
    assertThat(new KillMatrix.Result(List.of(killed), implOff, Duration.ZERO).ok()).isFalse();
    assertThat(new KillMatrix.Result(List.of(killed), null, Duration.ZERO).ok()).isTrue();
  }

  @Test
  void gapsSortNumerically() {
    assertThat(row("r", Row.Status.FAILED, "@G12", "@G4", "@G19", "@EXEC-010").gaps()).containsExactly("G4", "G12", "G19");
  }
}
