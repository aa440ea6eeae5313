package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifact.flyemu.nfs.ImageRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerMachineConfigTest {

  final JsonNode config = WorkerMachineConfig.body("user_abc", ImageRecord.hostCoder(),
      Map.of("DC_NFS", "org1-nfs.flycast", "DC_OPENAI_PROXY_URL", "https://localhost")).path("config");

  @Test
  void carriesTheComputerInMetadataAndTheRecordAsImageAndGuest() {
    assertThat(config.path("metadata").path("dc_computer_id").asText()).isEqualTo("user_abc");
    assertThat(config.path("metadata").path("fly_platform_version").asText()).isEqualTo("standalone");
    assertThat(config.path("image").asText()).isEqualTo("registry.fly.io/host-coder:latest");
    assertThat(config.path("guest").toString()).isEqualTo("{\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":256}");
  }

  @Test
  void neverRestartsOnItsOwnAndSurvivesAStopToBeStartedAgain() {
    assertThat(config.path("auto_destroy").asBoolean()).as("G13/G14 DOC: a stopped worker is rehydrated, not destroyed").isFalse();
    assertThat(config.path("restart").path("policy").asText()).isEqualTo("no");
    assertThat(config.path("env").path("DC_NFS").asText()).isEqualTo("org1-nfs.flycast");
  }

  @Test
  void everyServiceAsksTheProxyToSuspendWhenIdleAndToStartOnDemand() {
    for (JsonNode service : config.path("services")) {
      assertThat(service.path("autostop").asText()).isEqualTo("suspend");
      assertThat(service.path("autostart").asBoolean()).isTrue();
      assertThat(service.path("min_machines_running").asInt(-1)).isZero();
    }
  }

  @Test
  void hasNoSwapSinceFlyCannotSuspendAMachineWithSwap() {
    assertThat(config.path("init").path("swap_size_mb").isMissingNode()).isTrue();
  }

  @Test
  void exposesControlViewAndBroadPortsOn8080() {
    assertThat(config.path("services")).hasSize(3);
    assertThat(config.path("services").findValuesAsText("internal_port")).containsOnly("8080");
    assertThat(config.path("services").get(0).path("ports").get(0).path("port").asInt()).isEqualTo(442);
    assertThat(config.path("services").get(2).path("ports").get(0).path("end_port").asInt()).isEqualTo(65534);
  }
}
