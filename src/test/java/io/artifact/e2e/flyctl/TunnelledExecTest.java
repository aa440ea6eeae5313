package io.artifact.e2e.flyctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.evidence.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec's answers through the tunnel (stack-contract.md §3.1); the happy path is in FlyProxyTunnelTest. */
class TunnelledExecTest {

  @TempDir Path dir;

  @Test
  void aFailedReconcileIsReportedWithExecsAnswerAndBadIdsNeverLeave() throws Exception {
    FakeFly fake = new FakeFly(dir);
    List<String> exchanges = new CopyOnWriteArrayList<>();
    Flyctl fly = new Flyctl(fake.env("exec-error"), new Redactor(), l -> {});
    try (FlyProxyTunnel tunnel = TunnelledExec.machineTunnel(fly, "org1-fly-exec", Duration.ofSeconds(15))) {
      TunnelledExec exec = new TunnelledExec(tunnel, Duration.ofSeconds(5), exchanges::add);
      assertThatThrownBy(() -> exec.notifyChanged("user_2abc"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("exec refused the change notification for user_2abc: 500 Internal Server Error");
      assertThatThrownBy(() -> exec.notifyChanged("../admin"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("computer id '../admin'");
    }
    assertThat(exchanges).singleElement().asString().endsWith("/changed/user_2abc → 500 Internal Server Error");
    assertThat(fake.leftovers()).isEmpty();
  }
}
