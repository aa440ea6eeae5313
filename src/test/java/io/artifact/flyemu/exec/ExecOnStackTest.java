package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackOrg;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.agent.AgentHost;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.NfsRoot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecOnStackTest {

  static EmbeddedStack stack;
  static StackOrg org;
  static ComputerStore nfs;

  @BeforeAll
  static void start() throws Exception {
    stack = EmbeddedStack.start(StackSettings.defaults("test-token"));
    org = new StackOrg(stack, "org7").provisionExec("latest", Map.of());
    nfs = new ComputerStore(NfsRoot.at(org.root()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  HttpResponse<String> kick(String computer) throws Exception {
    return stack.platform().services().get(NetworkClient.class)
        .post("http://" + org.exec + ".flycast/changed/" + computer, null, Duration.ofSeconds(10));
  }

  @Test
  void aQueuedInstanceIsReconciledToARunningWorkerThatLoadedTheAgent() throws Exception {
    nfs.upsertComputer("user_one");
    String agent = nfs.upsertLandingAgent("user_one");
    nfs.instances().write("user_one", agent, Instance.queued(ImageRecord.hostCoder()));

    HttpResponse<String> r = kick("user_one");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"changeCount\":1}");
    Instance after = nfs.instances().read("user_one", agent).orElseThrow();
    assertThat(after.hardware()).isEqualTo(Instance.Hardware.RUNNING);
    Machine worker = stack.platform().machine(org.pool, after.machineId());
    assertThat(worker.metadata()).containsEntry("dc_computer_id", "user_one");
    assertThat(((AgentHost) worker.runningProgram()).loaded()).contains(new AgentHost.Loaded("user_one", agent));
  }

  @Test
  void aMachineKilledMidBootIsReplacedAndTheInstanceStillRuns() throws Exception {
    nfs.upsertComputer("user_two");
    String agent = nfs.upsertLandingAgent("user_two");
    stack.platform().images().bootDelay("host-coder", Duration.ofMillis(400));
    try {
      nfs.instances().write("user_two", agent, Instance.queued(ImageRecord.hostCoder()));
      Thread kicker = new Thread(() -> {
        try {
          kick("user_two");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      kicker.start();
      Machine first = await().atMost(Duration.ofSeconds(3)).until(() -> bootingWorker("user_two"), m -> m != null);
      first.kill("test: killed mid-boot");
      await().atMost(Duration.ofSeconds(5)).until(() -> nfs.instances().read("user_two", agent)
          .map(i -> i.hardware() == Instance.Hardware.RUNNING).orElse(false));
      assertThat(nfs.instances().read("user_two", agent).orElseThrow().machineId()).isNotEqualTo(first.id());
      assertThat(logs()).anyMatch(l -> l.contains("boot attempt 1/3 failed"));
    } finally {
      stack.platform().images().bootDelay("host-coder", Duration.ofMillis(50));
    }
  }

  @Test
  void anUnknownComputerIsNotFound() throws Exception {
    assertThat(kick("nobody").statusCode()).isEqualTo(404);
  }

  @Test
  void aStoppedInstanceLosesItsMachineAndItsFile() throws Exception {
    nfs.upsertComputer("user_three");
    String agent = nfs.upsertLandingAgent("user_three");
    nfs.instances().write("user_three", agent, Instance.queued(ImageRecord.hostCoder()));
    kick("user_three");
    Instance running = nfs.instances().read("user_three", agent).orElseThrow();
    nfs.instances().write("user_three", agent, running.with(Instance.Software.STOPPED));
    assertThat(kick("user_three").body()).isEqualTo("{\"changeCount\":1}");
    assertThat(nfs.instances().read("user_three", agent)).isEmpty();
    await().atMost(Duration.ofSeconds(2)).until(() -> stack.platform().machines(org.pool, false).stream()
        .noneMatch(m -> m.id().equals(running.machineId())));
  }

  static Machine bootingWorker(String computer) {
    return stack.platform().machines(org.pool, false).stream()
        .filter(m -> computer.equals(m.metadata().get("dc_computer_id")) && m.state().wire().equals("starting"))
        .findFirst().orElse(null);
  }

  static List<String> logs() {
    return stack.platform().logs(org.exec, null, null, 1000).stream().map(e -> e.message()).toList();
  }
}
