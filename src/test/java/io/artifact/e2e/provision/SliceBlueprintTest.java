package io.artifact.e2e.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.world.OrgSlice;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceBlueprintTest {

  final SliceBlueprint bp = new SliceBlueprint(new OrgSlice("org1-e2e-abc123", "abc123", "abc123.artifact.test", "syd", "personal"),
      "nfs:1", "router:1", "exec:1", "registry.fly.io/host-coder:7",
      Map.of("DC_INSTANCE_WAIT_MS", "8000", "DC_EXEC_PING_INTERVAL_MS", "10", "DC_NFS_ALERT_GRACE_MS", "2000"), new SliceCredentials(Map.of(), Map.of(), Map.of()));

  @Test
  void tuningGoesToTheAppThatReadsIt() {
    assertThat(bp.routerEnv()).containsEntry("DC_INSTANCE_WAIT_MS", "8000").doesNotContainKey("DC_EXEC_PING_INTERVAL_MS");
    assertThat(bp.execEnv()).containsEntry("DC_EXEC_PING_INTERVAL_MS", "10").doesNotContainKey("DC_INSTANCE_WAIT_MS");
  }

  @Test
  void theNfsGracePeriodGoesToBothApps() {
    assertThat(bp.routerEnv()).containsEntry("DC_NFS_ALERT_GRACE_MS", "2000");
    assertThat(bp.execEnv()).containsEntry("DC_NFS_ALERT_GRACE_MS", "2000");
  }

  @Test
  void theAgentImageRecordNamesTheAgentImageAndAWorkerSize() {
    assertThat(bp.agentImageRecord()).containsExactly(Map.entry("image", "registry.fly.io/host-coder:7"),
        Map.entry("cpu_kind", "shared"), Map.entry("cpus", 1), Map.entry("memory_mb", 256));
  }
}
