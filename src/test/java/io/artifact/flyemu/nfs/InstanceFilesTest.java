package io.artifact.flyemu.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.nfs.Instance.Hardware;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceFilesTest {

  @TempDir Path root;
  InstanceFiles files;

  @BeforeEach
  void computer() {
    new ComputerStore(NfsRoot.at(root)).upsertComputer("c1");
    files = new InstanceFiles(NfsRoot.at(root));
  }

  @Test
  void writesTwoSpaceJsonInSchemaOrderWithATrailingNewline() throws Exception {
    files.write("c1", "brave-otter", Instance.queued(ImageRecord.hostCoder()).with(Hardware.LOADABLE, "m1"));
    assertThat(Files.readString(root.resolve("c1/exec/brave-otter.json"))).isEqualTo("""
        {
          "software": "running",
          "hardware": "loadable",
          "record": {
            "image": "registry.fly.io/host-coder:latest",
            "cpu_kind": "shared",
            "cpus": 1,
            "memory_mb": 256
          },
          "machineId": "m1"
        }
        """);
  }

  @Test
  void aQueuedFileHasNoMachineIdAndReadsBack() {
    Instance queued = Instance.queued(ImageRecord.hostCoder());
    files.write("c1", "a1", queued);
    assertThat(files.read("c1", "a1")).contains(queued);
    assertThat(files.read("c1", "nope")).isEmpty();
  }

  @Test
  void listsOnlyJsonFilesLowercasedAndIgnoresTempFilesAndDirectories() throws Exception {
    files.write("c1", "b-agent", Instance.queued(ImageRecord.hostCoder()));
    Files.writeString(root.resolve("c1/exec/A-Agent.JSON"), "{}");
    Files.writeString(root.resolve("c1/exec/.x.json.tmp-1"), "{}");
    Files.writeString(root.resolve("c1/exec/notes.txt"), "");
    Files.createDirectories(root.resolve("c1/exec/dir.json"));
    assertThat(files.agents("c1")).containsExactly("a-agent", "b-agent");
  }

  @Test
  void listingAComputerWithoutExecIsAnError() {
    assertThatThrownBy(() -> files.agents("ghost")).isInstanceOf(LayoutException.class).hasMessageContaining("no exec/");
  }

  @Test
  void anInvalidFileIsALayoutErrorNamingTheFile() throws Exception {
    Files.writeString(root.resolve("c1/exec/bad.json"), "{\"software\":\"running\",\"hardware\":\"flying\"}");
    assertThatThrownBy(() -> files.read("c1", "bad")).isInstanceOf(LayoutException.class).hasMessageContaining("bad.json");
  }

  @Test
  void deleteRemovesTheFile() {
    files.write("c1", "a1", Instance.queued(ImageRecord.hostCoder()));
    assertThat(files.delete("c1", "a1")).isTrue();
    assertThat(files.read("c1", "a1")).isEmpty();
  }

  @Test
  void anUnmountedShareSurfacesOnEveryOperation() {
    InstanceFiles down = new InstanceFiles(() -> {
      throw new io.artifact.flyemu.nfs.NfsUnavailableException("NFS mount failed: test");
    });
    assertThatThrownBy(() -> down.agents("c1")).isInstanceOf(NfsUnavailableException.class);
  }
}
