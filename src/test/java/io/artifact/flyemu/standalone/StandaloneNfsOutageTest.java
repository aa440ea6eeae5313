package io.artifact.flyemu.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A router or exec run as a process of its own watches its share ({@code DC_NFS_ROOT}) the same way. */
class StandaloneNfsOutageTest {

  @TempDir Path dir;

  @Test
  void theShareGoingAwayIsAlertedAfterTheGracePeriodAndItsReturnIsLogged() throws Exception {
    Path share = Files.createDirectories(dir.resolve("computers"));
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> env = Map.of("DC_DOMAIN", "x.test", "DC_NFS", "org1-nfs.flycast", "DC_EXEC", "org1-fly-exec.flycast",
        "DC_WORKER_POOL_APP", "org1-worker-pool", StandaloneRuntime.NFS_ROOT, share.toString(), "DC_NFS_ALERT_GRACE_MS", "200");
    try (StandaloneApp router = StandaloneApp.start("registry.fly.io/fly-router:doc", 0, env, log::add)) {
      Path away = Files.move(share, dir.resolve("away"));
      await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(l -> l.startsWith("error: ALERT {\"alert\":\"nfs_unavailable\",\"app\":\"fly-router\"")));
      Files.move(away, share);
      await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(l -> l.startsWith("NFS mount ok again after")));
    }
    assertThat(log).filteredOn(l -> l.contains("ALERT")).hasSize(1);
  }
}
