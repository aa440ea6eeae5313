package io.artifact.e2e.defects;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.support.ScenarioRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * FAULT-050 passes on the default images, and each defective variant fails exactly the rows that
 * guard its behaviour, all four rows running every time: a router that does not back off fails
 * the two short-outage rows, a router or exec that raises no alert fails its own alert row.
 */
@DisabledIfSystemProperty(named = "cucumber.filter.tags", matches = ".+", disabledReason = "a tag-filtered run checks scenarios only; plain mvn verify proves them")
class NfsOutageDefectsIT {

  private static final String TAGS = "@FAULT-050";
  private static final String ROUTER = "registry.fly.io/fly-router:";
  private static final String EXEC = "registry.fly.io/fly-exec:";
  private static final String BACKOFF_ROWS = "The router backs off while the NFS Machine is";
  private static final String ROUTER_ALERT_ROW = "Alert from the router when the NFS Machine stays stopped";
  private static final String EXEC_ALERT_ROW = "Alert from exec when the NFS Machine stays stopped";

  @Test
  void everyRowPassesOnTheDefaultImages() {
    ScenarioRun.Result r = ScenarioRun.run(TAGS, Map.of());
    assertThat(r.failures()).isEmpty();
    assertThat(r.succeeded()).isEqualTo(4);
  }

  @Test
  void aRouterThatAnswers500DuringTheOutageIsCaughtByTheBackOffRows() {
    ScenarioRun.Result r = ScenarioRun.run(TAGS, Map.of("image.router", ROUTER + "defect-no-backoff"));
    assertThat(r.succeeded() + r.failed()).as("rows run").isEqualTo(4);
    assertThat(r.failures()).as("rows that caught the defect").hasSize(2)
        .allSatisfy(f -> assertThat(f).contains(BACKOFF_ROWS).contains("nfs-outage.status '503'"))
        .anySatisfy(f -> assertThat(f).contains("suspended")).anySatisfy(f -> assertThat(f).contains("stopped"));
  }

  @Test
  void aRouterThatRaisesNoAlertIsCaughtByItsAlertRow() {
    assertOnlyRowFails(ScenarioRun.run(TAGS, Map.of("image.router", ROUTER + "defect-no-alert")), ROUTER_ALERT_ROW);
  }

  @Test
  void anExecThatRaisesNoAlertIsCaughtByItsAlertRow() {
    assertOnlyRowFails(ScenarioRun.run(TAGS, Map.of("image.exec", EXEC + "defect-no-alert")), EXEC_ALERT_ROW);
  }

  private static void assertOnlyRowFails(ScenarioRun.Result r, String row) {
    assertThat(r.succeeded() + r.failed()).as("rows run").isEqualTo(4);
    List<String> failures = r.failures();
    assertThat(failures).as("rows that caught the defect").singleElement().asString()
        .contains(row).contains("alert.marker 'ALERT'").contains("nfs-outage.alert 'nfs_unavailable'");
  }
}
