package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackOrg;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.NfsRoot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecNfsOutageTest {

  @Test
  void whileNfsIsDownExecLogsTheMountFailureAndAsksCallersToBackOff() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults("t"))) {
      StackOrg org = new StackOrg(stack, "org4").provisionExec("latest", Map.of());
      new ComputerStore(NfsRoot.at(org.root())).upsertComputer("c1");
      NetworkClient net = stack.platform().services().get(NetworkClient.class);
      Machine nfs = stack.platform().machines(org.nfs, false).get(0);
      nfs.stop();
      nfs.when(EnumSet.of(MachineState.STOPPED)).get(2, TimeUnit.SECONDS);

      HttpResponse<String> down = net.post("http://" + org.exec + ".flycast/changed/c1", null, Duration.ofSeconds(5));

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("retry-after")).contains("1");
      assertThat(stack.platform().logs(org.exec, null, null, 100)).anyMatch(e -> e.message().startsWith("NFS mount failed"));
      nfs.start();
      nfs.when(EnumSet.of(MachineState.STARTED)).get(2, TimeUnit.SECONDS);
      assertThat(net.post("http://" + org.exec + ".flycast/changed/c1", null, Duration.ofSeconds(5)).body()).isEqualTo("{\"changeCount\":0}");
    }
  }

  @Test
  void theNoBackoffVariantAnswersAnOutageWithA500AndRetriesNothing() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults("t"))) {
      StackOrg org = new StackOrg(stack, "org5").provisionExec("defect-no-backoff", Map.of());
      new ComputerStore(NfsRoot.at(org.root())).upsertComputer("c1");
      NetworkClient net = stack.platform().services().get(NetworkClient.class);
      Machine nfs = stack.platform().machines(org.nfs, false).get(0);
      nfs.stop();
      nfs.when(EnumSet.of(MachineState.STOPPED)).get(2, TimeUnit.SECONDS);

      HttpResponse<String> down = net.post("http://" + org.exec + ".flycast/changed/c1", null, Duration.ofSeconds(5));

      assertThat(down.statusCode()).as("G20 IMPL: a file-system error like any other").isEqualTo(500);
      assertThat(down.headers().firstValue("retry-after")).isEmpty();
      assertThat(stack.platform().logs(org.exec, null, null, 100)).anyMatch(e -> e.message().startsWith("reconcile failed: NFS mount failed"))
          .noneMatch(e -> e.message().contains("backing off"));
    }
  }
}
