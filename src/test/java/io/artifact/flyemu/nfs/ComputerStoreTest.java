package io.artifact.flyemu.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputerStoreTest {

  @TempDir Path root;

  ComputerStore store() {
    return new ComputerStore(NfsRoot.at(root));
  }

  @Test
  void upsertComputerCreatesTheThreeDirectoriesUnderTheLowercasedId() {
    String id = store().upsertComputer("User_2ABC");
    assertThat(id).isEqualTo("user_2abc");
    assertThat(root.resolve("user_2abc/agents")).isDirectory();
    assertThat(root.resolve("user_2abc/exec")).isDirectory();
    assertThat(root.resolve("user_2abc/repos")).isDirectory();
    assertThat(store().computerExists("USER_2abc")).isTrue();
  }

  @Test
  void aComputerMissingOneDirectoryDoesNotExist() throws Exception {
    Files.createDirectories(root.resolve("half/agents"));
    Files.createDirectories(root.resolve("half/exec"));
    assertThat(store().computerExists("half")).isFalse();
    assertThat(store().computerExists("nobody")).isFalse();
  }

  @Test
  void malformedIdsAreAbsentAndCannotBeCreated() {
    assertThat(store().computerExists("../etc")).isFalse();
    assertThat(store().agentExists("x", "")).isFalse();
    assertThatThrownBy(() -> store().upsertComputer("a/b")).isInstanceOf(LayoutException.class);
  }

  @Test
  void theLandingAgentIsCreatedOnceAndThenReused() {
    ComputerStore s = store();
    s.upsertComputer("c1");
    String first = s.upsertLandingAgent("c1");
    String second = s.upsertLandingAgent("c1");
    assertThat(first).matches("[a-z]+-[a-z]+").isEqualTo(second);
    assertThat(s.agents("c1")).containsExactly(first);
    assertThat(root.resolve("c1/agents/" + first + "/home")).isDirectory();
    assertThat(root.resolve("c1/agents/" + first + "/workspace")).isDirectory();
    assertThat(root.resolve("c1/agents/" + first + "/agent.toml")).content().contains("name = \"test-agent\"");
  }

  @Test
  void aLandingAgentWhoseFolderWasRemovedIsReplaced() throws Exception {
    ComputerStore s = store();
    s.upsertComputer("c1");
    String first = s.upsertLandingAgent("c1");
    Files.walk(root.resolve("c1/agents/" + first)).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    String second = s.upsertLandingAgent("c1");
    // a new agent was created (its name is drawn at random, and the removed one's is free again, so it may repeat)
    assertThat(root.resolve("c1/agents/" + second + "/agent.toml")).exists();
    assertThat(s.agents("c1")).containsExactly(second);
    assertThat(s.landingAgent("c1")).contains(second);
  }

  @Test
  void imageRecordsLiveUnderImagesWithoutTrailingNewline() throws Exception {
    ComputerStore.publishImageRecord(root, "host-coder", ImageRecord.hostCoder());
    assertThat(Files.readString(root.resolve("images/host-coder.json"))).isEqualTo("""
        {
          "image": "registry.fly.io/host-coder:latest",
          "cpu_kind": "shared",
          "cpus": 1,
          "memory_mb": 256
        }""");
    assertThat(store().images().read("host-coder")).isEqualTo(ImageRecord.hostCoder());
  }

  @Test
  void aMissingOrMalformedImageRecordIsALayoutError() throws Exception {
    assertThatThrownBy(() -> store().images().read("host-coder")).isInstanceOf(LayoutException.class).hasMessageContaining("missing");
    Files.createDirectories(root.resolve("images"));
    Files.writeString(root.resolve("images/host-coder.json"), "{\"image\":\"x\",\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":300}");
    assertThatThrownBy(() -> store().images().read("host-coder")).isInstanceOf(LayoutException.class).hasMessageContaining("multiple of 256");
  }
}
