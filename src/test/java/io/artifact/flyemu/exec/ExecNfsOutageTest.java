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

/** What exec answers to a change it cannot read because the NFS Machine is stopped: DOC, and the no-backoff variant. */
class ExecNfsOutageTest {

  /** An org on {@code stack} with {@code execTag}'s exec, computer c1 on its share, and its NFS Machine stopped. */
  private static StackOrg withNfsStopped(EmbeddedStack stack, String org, String execTag) throws Exception {
    StackOrg o = new StackOrg(stack, org).provisionExec(execTag, Map.of());
    new ComputerStore(NfsRoot.at(o.root())).upsertComputer("c1");
    Machine nfs = nfsMachine(stack, o);
    nfs.stop();
    nfs.when(EnumSet.of(MachineState.STOPPED)).get(2, TimeUnit.SECONDS);
    return o;
  }

  private static Machine nfsMachine(EmbeddedStack stack, StackOrg org) {
    return stack.platform().machines(org.nfs, false).get(0);
  }

  private static HttpResponse<String> changed(EmbeddedStack stack, StackOrg org) throws Exception {
    return stack.platform().services().get(NetworkClient.class).post("http://" + org.exec + ".flycast/changed/c1", null, Duration.ofSeconds(5));
  }

  @Test
  void whileNfsIsDownExecLogsTheMountFailureAndAsksCallersToBackOff() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults("t"))) {
      StackOrg org = withNfsStopped(stack, "org4", "latest");

      HttpResponse<String> down = changed(stack, org);

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("retry-after")).contains("1");
      assertThat(stack.platform().logs(org.exec, null, null, 100)).anyMatch(e -> e.message().startsWith("NFS mount failed"));
      Machine nfs = nfsMachine(stack, org);
      nfs.start();
      nfs.when(EnumSet.of(MachineState.STARTED)).get(2, TimeUnit.SECONDS);
      assertThat(changed(stack, org).body()).isEqualTo("{\"changeCount\":0}");
    }
  }

  @Test
  void theNoBackoffVariantAnswersAnOutageWithA500AndRetriesNothing() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults("t"))) {
      StackOrg org = withNfsStopped(stack, "org5", "defect-no-backoff");

      HttpResponse<String> down = changed(stack, org);

      assertThat(down.statusCode()).as("G20 IMPL: a file-system error like any other").isEqualTo(500);
      assertThat(down.headers().firstValue("retry-after")).isEmpty();
      assertThat(stack.platform().logs(org.exec, null, null, 100)).anyMatch(e -> e.message().startsWith("reconcile failed: NFS mount failed"))
          .noneMatch(e -> e.message().contains("backing off"));
    }
  }
}
