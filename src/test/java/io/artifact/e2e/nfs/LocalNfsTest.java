package io.artifact.e2e.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.InstanceFiles;
import io.artifact.flyemu.nfs.NfsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNfsTest {

  @TempDir Path root;

  LocalNfs nfs() {
    return new LocalNfs(() -> root);
  }

  static Map<String, Object> record() {
    return Map.of("image", "registry.fly.io/host-coder:latest", "cpu_kind", "shared", "cpus", 1, "memory_mb", 256);
  }

  @Test
  void aQueuedInstanceWrittenByTheSuiteIsOneTheStackReads() {
    nfs().createComputer("c1");
    nfs().writeInstance("c1", "a1", InstanceFile.queued(record()));
    Instance read = new InstanceFiles(NfsRoot.at(root)).read("c1", "a1").orElseThrow();
    assertThat(read.hardware()).isEqualTo(Instance.Hardware.QUEUED);
    assertThat(read.record()).isEqualTo(ImageRecord.hostCoder());
  }

  @Test
  void anInstanceWrittenByTheStackReadsBackWithItsMachine() {
    nfs().createComputer("c1");
    new InstanceFiles(NfsRoot.at(root)).write("c1", "a1", Instance.queued(ImageRecord.hostCoder()).with(Instance.Hardware.RUNNING, "m1"));
    assertThat(nfs().readInstance("c1", "a1")).hasValueSatisfying(f -> assertThat(f.summary()).isEqualTo("running/running on m1"));
    assertThat(nfs().readInstance("c1", "nope")).isEmpty();
  }

  @Test
  void computersLeaveImageRecordsOutAndInstancesListOnlyJsonFiles() throws Exception {
    nfs().publishImageRecord("host-coder", record());
    nfs().createComputer("c1");
    nfs().createAgent("c1", "a1");
    nfs().writeInstance("c1", "a1", InstanceFile.queued(record()));
    Files.writeString(root.resolve("c1/exec/.a2.json.tmp-1"), "{}");
    assertThat(nfs().computers()).containsExactly("c1");
    assertThat(nfs().instances("c1")).containsExactly("a1");
    assertThat(root.resolve("c1/agents/a1/agent.toml")).exists();
    assertThat(root.resolve("images/host-coder.json")).exists();
  }

  @Test
  void driftOnAnInstanceFileIsUndoneByWritingBackThePriorBytes() throws Exception {
    LocalNfs nfs = new LocalNfs(() -> root);
    nfs.createComputer("c1");
    Path file = root.resolve("c1/exec/a1.json");
    Files.writeString(file, "{\"software\":\"running\"}\n");
    String prior = nfs.readInstanceText("c1", "a1").orElseThrow();

    nfs.writeInstanceText("c1", "a1", "");
    assertThat(file).isEmptyFile();
    assertThat(nfs.removeInstance("c1", "a1")).isTrue();
    assertThat(nfs.removeInstance("c1", "a1")).isFalse();
    assertThat(nfs.readInstanceText("c1", "a1")).isEmpty();
    nfs.writeInstanceText("c1", "a1", prior);
    assertThat(Files.readString(file)).isEqualTo("{\"software\":\"running\"}\n");
  }

  @Test
  void aReleaseManifestIsWhereTheStackReadsItAndRawTextTravelsUnchanged() {
    nfs().publishImageRecord("host-coder", record());
    assertThat(new io.artifact.flyemu.nfs.ImageRecords(NfsRoot.at(root)).current("host-coder")).isEqualTo(ImageRecord.hostCoder());
    String release = nfs().imageRecordText("host-coder").orElseThrow();
    nfs().publishImageRecordText("host-coder", "{\"image\": ");
    assertThat(root.resolve("images/host-coder.json")).hasContent("{\"image\": ");
    nfs().publishImageRecordText("host-coder", release);
    assertThat(nfs().imageRecordText("host-coder")).contains(release);
    nfs().removeImageRecord("host-coder");
    assertThat(nfs().imageRecordText("host-coder")).isEmpty();
    assertThat(nfs().computers()).isEmpty();
  }

  @Test
  void removingAComputerTakesItsTreeAndNothingElse() {
    nfs().publishImageRecord("host-coder", record());
    for (String c : List.of("c1", "c2")) {
      nfs().createComputer(c);
      nfs().createAgent(c, "a1");
      nfs().writeInstance(c, "a1", InstanceFile.queued(record()));
    }
    nfs().removeComputer("c1");
    nfs().removeComputer("c1"); // gone already: fine
    assertThat(nfs().computers()).containsExactly("c2");
    assertThat(root.resolve("images/host-coder.json")).exists();
    assertThatThrownBy(() -> nfs().removeComputer("../images")).hasMessageContaining("computer");
    assertThat(root.resolve("images")).exists();
  }
}
