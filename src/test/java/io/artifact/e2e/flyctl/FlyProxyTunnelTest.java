package io.artifact.e2e.flyctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.evidence.Redactor;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fly proxy} as a child: opens within its bound or fails bounded, and never outlives its close. */
class FlyProxyTunnelTest {

  @TempDir Path dir;
  final List<String> transcript = new CopyOnWriteArrayList<>();

  Flyctl fly(FakeFly fake, String mode) {
    return new Flyctl(fake.env(mode), new Redactor(), transcript::add);
  }

  @Test
  void aTunnelThatOpensCarriesExecsNotificationAndClosesWithNothingLeft() throws Exception {
    FakeFly fake = new FakeFly(dir);
    try (FlyProxyTunnel tunnel = TunnelledExec.machineTunnel(fly(fake, "ok"), "org1-fly-exec", Duration.ofSeconds(15))) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tunnel.localPort())) {
        assertThat(s.isConnected()).isTrue();
      }
      List<String> exchanges = new CopyOnWriteArrayList<>();
      assertThat(new TunnelledExec(tunnel, Duration.ofSeconds(5), exchanges::add).notifyChanged("user_2abc")).isEqualTo(1);
      assertThat(exchanges).singleElement().asString().isEqualTo("POST " + tunnel.baseUrl() + "/changed/user_2abc → 200 {\"changeCount\": 1}");
      assertThat(fake.calls()).singleElement().isEqualTo(
          List.of("proxy", tunnel.localPort() + ":8080", "-a", "org1-fly-exec", "--watch-stdin", "-q"));
    }
    assertThat(Files.readAllLines(dir.resolve("exec.log"))).containsExactly("POST /changed/user_2abc");
    assertThat(fake.pids()).hasSize(2);
    assertThat(fake.leftovers()).isEmpty();
    assertThat(transcript).hasSize(2);
    assertThat(transcript.get(0)).matches("fly proxy \\d+:8080 -a org1-fly-exec --watch-stdin -q → open on 127.0.0.1:\\d+ in \\d+ ms");
    assertThat(transcript.get(1)).contains("→ closed in ");
  }

  @Test
  void theFlycastTunnelNamesTheServicePortAndHost() throws Exception {
    FakeFly fake = new FakeFly(dir);
    try (FlyProxyTunnel tunnel = TunnelledExec.flycastTunnel(fly(fake, "ok"), "org1-fly-exec", Duration.ofSeconds(15))) {
      assertThat(fake.calls()).singleElement().isEqualTo(
          List.of("proxy", tunnel.localPort() + ":80", "org1-fly-exec.flycast", "-a", "org1-fly-exec", "--watch-stdin", "-q"));
    }
    assertThat(fake.leftovers()).isEmpty();
  }

  @Test
  void aTunnelThatNeverOpensFailsWithinItsBoundAndIsStopped() throws Exception {
    FakeFly fake = new FakeFly(dir);
    Duration bound = Duration.ofMillis(1500);
    Instant began = Instant.now();

    assertThatThrownBy(() -> FlyProxyTunnel.open(fly(fake, "never-open"), "org1-fly-exec", 8080, null, bound))
        .isInstanceOf(FlyctlException.class)
        .hasMessageMatching("fly proxy \\d+:8080 -a org1-fly-exec --watch-stdin -q did not open 127\\.0\\.0\\.1:\\d+ within 1500ms");

    assertThat(Duration.between(began, Instant.now())).isLessThan(bound.plusSeconds(4));
    assertThat(fake.pids()).hasSize(1);
    assertThat(fake.leftovers()).isEmpty();
    assertThat(transcript).anyMatch(l -> l.contains("did not open within 1500ms"));
  }

  @Test
  void aTunnelWhoseProcessExitsEarlySaysWhyAtOnce() throws Exception {
    FakeFly fake = new FakeFly(dir);
    Instant began = Instant.now();

    assertThatThrownBy(() -> FlyProxyTunnel.open(fly(fake, "exit-early"), "org1-fly-exec", 8080, null, Duration.ofSeconds(30)))
        .isInstanceOf(FlyctlException.class)
        .hasMessageMatching("fly proxy \\d+:8080 -a org1-fly-exec --watch-stdin -q exited 1 before 127\\.0\\.0\\.1:\\d+ opened "
            + "\\(bound 30s\\): Error: app org1-fly-exec has no started VMs");

    assertThat(Duration.between(began, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(fake.leftovers()).isEmpty();
  }

  @Test
  void theTokenNeverShowsInATunnelsFailure() throws Exception {
    FakeFly fake = new FakeFly(dir);
    assertThatThrownBy(() -> FlyProxyTunnel.open(fly(fake, "leak"), "org1-fly-exec", 8080, null, Duration.ofSeconds(10)))
        .isInstanceOf(FlyctlException.class)
        .hasMessageContaining("token " + Redactor.MASK)
        .message().doesNotContain(FakeFly.TOKEN);
    assertThat(transcript).isNotEmpty().noneMatch(l -> l.contains(FakeFly.TOKEN));
  }
}
