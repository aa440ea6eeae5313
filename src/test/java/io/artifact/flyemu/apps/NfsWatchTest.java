package io.artifact.flyemu.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfsWatchTest {

  @TempDir Path share;

  FakeRuntime runtime() {
    return new FakeRuntime(Map.of(NfsWatch.GRACE_ENV, "2000", "FLY_APP_NAME", "org1-fly-router"), share);
  }

  @Test
  void aShortOutageIsLoggedOnceAndEndsWithoutAnAlert() {
    FakeRuntime rt = runtime();
    AtomicInteger recovered = new AtomicInteger();
    NfsWatch w = NfsWatch.start(rt, "org1-nfs.flycast", "org1-fly-router", Alarm.log(rt));
    w.onRecovery(recovered::incrementAndGet);
    rt.nfsUp = false;
    rt.clock.advance(Duration.ofMillis(1500)); // probes every 500 ms (a quarter of the grace period)
    assertThat(w.down()).isTrue();
    assertThat(rt.log).filteredOn(l -> l.contains("backing off")).hasSize(1);
    rt.nfsUp = true;
    rt.clock.advance(Duration.ofSeconds(5));
    assertThat(w.down()).isFalse();
    assertThat(rt.alerts()).isEmpty();
    assertThat(rt.log).anyMatch(l -> l.startsWith("info NFS mount ok again after") && !l.contains("resolved"));
    assertThat(recovered).hasValue(1);
  }

  @Test
  void anOutagePastTheGracePeriodRaisesOneAlertNotBefore() throws Exception {
    FakeRuntime rt = runtime();
    NfsWatch.start(rt, "org1-nfs.flycast", "org1-fly-router", Alarm.log(rt));
    rt.nfsUp = false;
    rt.clock.advance(Duration.ofMillis(500)); // the probe at 500 ms sees the outage
    rt.clock.advance(Duration.ofMillis(1999));
    assertThat(rt.alerts()).as("no alert within the grace period").isEmpty();
    rt.clock.advance(Duration.ofMillis(1));
    rt.clock.advance(Duration.ofSeconds(10));
    assertThat(rt.alerts()).singleElement().satisfies(line -> {
      JsonNode a = new ObjectMapper().readTree(line.substring(("error " + Alarm.MARKER + " ").length()));
      assertThat(a.path("alert").asText()).isEqualTo("nfs_unavailable");
      assertThat(a.path("app").asText()).isEqualTo("org1-fly-router");
      assertThat(a.path("share").asText()).isEqualTo("org1-nfs.flycast");
      assertThat(a.path("since").asText()).isEqualTo("2026-01-01T00:00:00.500Z");
      assertThat(a.path("grace_ms").asLong()).isEqualTo(2000);
      assertThat(a.path("reason").asText()).startsWith("NFS mount failed");
    });
    rt.nfsUp = true;
    rt.clock.advance(Duration.ofMillis(500));
    assertThat(rt.log).anyMatch(l -> l.contains("NFS mount ok again after") && l.contains("alert nfs_unavailable resolved"));
  }

  @Test
  void aSecondOutageRaisesItsOwnAlert() {
    FakeRuntime rt = runtime();
    NfsWatch.start(rt, "s", "a", Alarm.log(rt));
    for (int i = 0; i < 2; i++) {
      rt.nfsUp = false;
      rt.clock.advance(Duration.ofSeconds(3));
      rt.nfsUp = true;
      rt.clock.advance(Duration.ofSeconds(1));
    }
    assertThat(rt.alerts()).hasSize(2);
  }

  @Test
  void aSilentAlarmRaisesNothingButTheOutageIsStillSeen() {
    FakeRuntime rt = runtime();
    NfsWatch w = NfsWatch.start(rt, "s", "a", Alarm.silent());
    rt.nfsUp = false;
    rt.clock.advance(Duration.ofSeconds(5));
    assertThat(w.down()).isTrue();
    assertThat(rt.alerts()).isEmpty();
  }

  @Test
  void aClosedWatchNeitherProbesNorAlerts() {
    FakeRuntime rt = runtime();
    NfsWatch w = NfsWatch.start(rt, "s", "a", Alarm.log(rt));
    rt.nfsUp = false;
    rt.clock.advance(Duration.ofMillis(600));
    w.close();
    rt.clock.advance(Duration.ofSeconds(10));
    assertThat(rt.alerts()).isEmpty();
  }

  @Test
  void theProbeIntervalFollowsTheGracePeriodWithinBounds() {
    FakeRuntime rt = new FakeRuntime(Map.of(NfsWatch.GRACE_ENV, "100"), share);
    NfsWatch w = NfsWatch.start(rt, "s", "a", Alarm.log(rt));
    rt.nfsUp = false;
    rt.clock.advance(Duration.ofMillis(49));
    assertThat(w.down()).as("no probe before the 50 ms floor").isFalse();
    rt.clock.advance(Duration.ofMillis(1));
    assertThat(w.down()).isTrue();
    assertThat(new FakeRuntime(Map.of(), share).env(NfsWatch.GRACE_ENV)).isEmpty();
    assertThat(NfsWatch.DEFAULT_GRACE).isEqualTo(Duration.ofSeconds(60));
  }
}
