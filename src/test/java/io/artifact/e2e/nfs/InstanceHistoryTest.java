package io.artifact.e2e.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InstanceHistoryTest {

  final AtomicReference<Optional<InstanceFile>> current = new AtomicReference<>(Optional.empty());

  final NfsPort nfs = new NfsPort() {
    @Override public void publishImageRecord(String name, Map<String, Object> record) {}
    @Override public void createComputer(String computer) {}
    @Override public void createAgent(String computer, String agent) {}
    @Override public List<String> computers() { return List.of(); }
    @Override public List<String> instances(String computer) { return List.of(); }
    @Override public Optional<InstanceFile> readInstance(String computer, String agent) { return current.get(); }
    @Override public void writeInstance(String computer, String agent, InstanceFile instance) {}
    @Override public void removeComputer(String computer) {}
  };

  void becomes(String hardware, String machineId) {
    current.set(Optional.of(new InstanceFile("running", hardware, Map.of(), machineId)));
  }

  void seen(InstanceHistory h, int entries) {
    await().atMost(Duration.ofSeconds(2)).until(() -> h.entries().size() >= entries);
  }

  @Test
  void keepsEachDistinctStateOnceAndTheMachinesInOrder() {
    try (InstanceHistory h = new InstanceHistory(nfs, "c1", "a1", Duration.ofMillis(2))) {
      seen(h, 1);
      becomes("queued", null);
      seen(h, 2);
      becomes("starting", "m1");
      seen(h, 3);
      becomes("queued", null);
      seen(h, 4);
      becomes("running", "m2");
      seen(h, 5);
      assertThat(h.hardwareSequence()).containsExactly("absent", "queued", "starting", "queued", "running");
      assertThat(h.machineIds()).containsExactly("m1", "m2");
      assertThat(h.report()).contains("(no file)", "running/starting on m1", "running/running on m2");
    }
  }
}
