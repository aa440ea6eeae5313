package io.artifact.e2e.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineDriftTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode machine(String id, String state, String image) {
    return JSON.createObjectNode().put("id", id).put("state", state).set("config", JSON.createObjectNode().put("image", image));
  }

  @Test
  void namesMachinesAddedRemovedAndChangedStateOrImage() {
    JsonNode before = JSON.valueToTree(List.of(machine("m1", "started", "a:1"), machine("m2", "started", "a:1"), machine("m3", "stopped", "a:1")));
    JsonNode after = JSON.valueToTree(List.of(machine("m1", "suspended", "a:1"), machine("m3", "stopped", "a:2"), machine("m4", "created", "a:1")));
    String diff = MachineDrift.describe("worker-machines", "before", before, "after", after);
    assertThat(diff.lines()).containsExactly(
        "worker-machines: from 'before' to 'after': 4 change(s), 0 Machine(s) unchanged",
        "+ added    m4 (created, a:1)",
        "- removed  m2 (started, a:1)",
        "~ changed  m1 state started -> suspended",
        "~ changed  m3 image a:1 -> a:2");
  }

  @Test
  void theSecondSnapshotOfASubjectGetsItsDiffAttachedRightAfterItsJson() {
    List<Evidence.Attachment> seen = new ArrayList<>();
    Evidence evidence = new Evidence(new Redactor());
    evidence.sink(seen::add);
    evidence.machines("worker-machine", "left-idle", machine("m1", "started", "a:1"));
    evidence.machines("worker-machine", "asleep", machine("m1", "suspended", "a:1"));
    assertThat(seen).extracting(Evidence.Attachment::name)
        .containsExactly("worker-machine-left-idle.json", "worker-machine-asleep.json", "worker-machine-asleep.diff.txt");
    assertThat(seen.get(2).text()).contains("from 'left-idle' to 'asleep'").contains("~ changed  m1 state started -> suspended");
  }
}
