package io.artifact.e2e.flyctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.nfs.InstanceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume over {@code fly ssh console}: the fake runs each {@code -C} command as hallpass would
 * (no shell of its own), on a local directory standing in for ROOT, so quoting, layout and the
 * atomic write are exercised for real.
 */
class FlySshNfsTest {

  static final Map<String, Object> RECORD = Map.of("image", "registry.fly.io/host-coder:latest", "cpu_kind", "shared", "cpus", 1, "memory_mb", 256);

  @TempDir Path dir;
  final List<String> transcript = new CopyOnWriteArrayList<>();

  Path root() {
    return dir.resolve("data/computers");
  }

  FlySshNfs nfs(FakeFly fake, String mode) {
    Flyctl fly = new Flyctl(fake.env(mode), new Redactor(), transcript::add);
    return new FlySshNfs(fly, "org1-nfs", "3d8d9e3b1e4e89", root().toString(), Duration.ofSeconds(10));
  }

  FakeFly fake() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    return new FakeFly(bin);
  }

  @Test
  void listsComputersAndInstancesLeavingOutImagesAndTempFiles() throws Exception {
    Files.createDirectories(root().resolve("images"));
    Files.createDirectories(root().resolve("user_2abc/exec"));
    Files.createDirectories(root().resolve("test-computer/exec/sub.json"));
    Files.writeString(root().resolve("user_2abc/exec/brave-otter.json"), "{}");
    Files.writeString(root().resolve("user_2abc/exec/.calm-heron.json.e2e-tmp.42"), "{");
    Files.writeString(root().resolve("user_2abc/exec/notes.txt"), "");
    FakeFly fake = fake();

    assertThat(nfs(fake, "ok").computers()).containsExactly("test-computer", "user_2abc");
    assertThat(nfs(fake, "ok").instances("user_2abc")).containsExactly("brave-otter");
    assertThat(nfs(fake, "ok").instances("test-computer")).isEmpty();
    assertThat(nfs(fake, "ok").instances("nobody")).isEmpty();
    assertThat(fake.calls().get(0)).containsExactly("ssh", "console", "-a", "org1-nfs", "--machine", "3d8d9e3b1e4e89", "-q", "-C",
        "sh -c 'test ! -d " + root() + " || ls -1p -- " + root() + "'");
  }

  @Test
  void readsAnInstanceFileAndTellsAMissingOneFromAFailure() throws Exception {
    Files.createDirectories(root().resolve("c1/exec"));
    Files.writeString(root().resolve("c1/exec/a1.json"), """
        {
          "software": "running",
          "hardware": "starting",
          "record": {"image": "registry.fly.io/host-coder:latest", "cpu_kind": "shared", "cpus": 1, "memory_mb": 256},
          "machineId": "e784079b449483"
        }
        """);
    FakeFly fake = fake();

    assertThat(nfs(fake, "ok").readInstance("c1", "a1")).hasValueSatisfying(f -> assertThat(f.summary()).isEqualTo("running/starting on e784079b449483"));
    assertThat(nfs(fake, "ok").readInstance("c1", "a2")).isEmpty();
    assertThatThrownBy(() -> nfs(fake, "fail").readInstance("c1", "a1"))
        .isInstanceOf(FlyctlException.class).hasMessageContaining("exited 1: Error: app not found");
  }

  @Test
  void writesArriveWholeInTheStacksFormatWithNoTempFileLeft() throws Exception {
    FakeFly fake = fake();
    FlySshNfs nfs = nfs(fake, "ok");
    nfs.publishImageRecord("host-coder", RECORD);
    nfs.createComputer("user_2abc");
    nfs.createAgent("user_2abc", "brave-otter");
    nfs.writeInstance("user_2abc", "brave-otter", InstanceFile.queued(RECORD));
    nfs.writeInstance("user_2abc", "brave-otter", InstanceFile.queued(RECORD).withSoftware("stopped"));

    Path instance = root().resolve("user_2abc/exec/brave-otter.json");
    assertThat(Files.readString(instance)).startsWith("{\n  \"software\": \"stopped\",\n  \"hardware\": \"queued\",\n  \"record\": {")
        .endsWith("}\n");
    assertThat(Files.readString(root().resolve("images/host-coder.json"))).startsWith("{\n  \"").endsWith("}");
    assertThat(root().resolve("user_2abc/agents/brave-otter/agent.toml")).content().startsWith("name = \"brave-otter\"");
    assertThat(root().resolve("user_2abc/agents/brave-otter/workspace")).isDirectory();
    assertThat(root().resolve("user_2abc/repos")).isDirectory();
    try (Stream<Path> all = Files.walk(root())) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("e2e-tmp"));
    }
    List<String> write = fake.calls().get(fake.calls().size() - 1);
    assertThat(write.get(write.size() - 1))
        .startsWith("sh -c 'mkdir -p -- " + root() + "/user_2abc/exec && printf %s ")
        .contains(" | base64 -d > " + root() + "/user_2abc/exec/.brave-otter.json.e2e-tmp.$$ && mv -f -- ")
        .endsWith(" || { rm -f -- " + root() + "/user_2abc/exec/.brave-otter.json.e2e-tmp.$$; exit 1; }'");
    assertThat(nfs.readInstance("user_2abc", "brave-otter")).hasValueSatisfying(f -> assertThat(f.software()).isEqualTo("stopped"));
  }

  @Test
  void driftReadsWritesAndRemovesTheInstanceFileAsBytesSoAnUndoPutsBackExactlyWhatWasThere() throws Exception {
    FakeFly fake = fake();
    FlySshNfs nfs = nfs(fake, "ok");
    Path file = root().resolve("c1/exec/a1.json");
    Files.createDirectories(file.getParent());
    String prior = "{\n  \"software\": \"running\",\n  \"hardware\": \"running\"\n}\n";
    Files.writeString(file, prior);

    assertThat(nfs.readInstanceText("c1", "a1")).contains(prior);
    nfs.writeInstanceText("c1", "a1", "");
    assertThat(file).isEmptyFile();
    assertThat(nfs.readInstanceText("c1", "a1")).contains("");
    nfs.writeInstanceText("c1", "a1", "{\n  \"software\": \"runn\u0000<corrupted>");
    assertThatThrownBy(() -> nfs.readInstance("c1", "a1")).hasMessageContaining("is not an instance file");
    assertThat(nfs.removeInstance("c1", "a1")).isTrue();
    assertThat(file).doesNotExist();
    assertThat(nfs.removeInstance("c1", "a1")).as("nothing left to remove").isFalse();
    assertThat(nfs.readInstanceText("c1", "a1")).isEmpty();
    nfs.writeInstanceText("c1", "a1", prior);
    assertThat(file).hasContent(prior.strip());
    assertThat(Files.readString(file)).isEqualTo(prior);
    assertThat(fake.calls()).allSatisfy(call -> assertThat(call).startsWith("ssh", "console", "-a", "org1-nfs"));
  }

  @Test
  void releaseManifestsTravelByteForByteAndCanBeRemoved() throws Exception {
    FakeFly fake = fake();
    FlySshNfs nfs = nfs(fake, "ok");
    assertThat(nfs.imageRecordText("host-coder")).isEmpty();
    String malformed = "{\n  \"image\": \"registry.fly.io/host-coder:deployment-x\",\n  \"cpus\": 1 $'\"\\\\ ✓";
    nfs.publishImageRecordText("host-coder", malformed);
    assertThat(root().resolve("images/host-coder.json")).hasContent(malformed);
    assertThat(nfs.imageRecordText("host-coder")).contains(malformed);
    nfs.publishImageRecordText("host-coder", "");
    assertThat(nfs.imageRecordText("host-coder")).contains("");
    nfs.publishImageRecord("host-coder", RECORD);
    String release = Files.readString(root().resolve("images/host-coder.json"));
    assertThat(nfs.imageRecordText("host-coder")).contains(release).hasValueSatisfying(t -> assertThat(t).doesNotEndWith("\n"));
    nfs.removeImageRecord("host-coder");
    assertThat(root().resolve("images/host-coder.json")).doesNotExist();
    assertThat(nfs.imageRecordText("host-coder")).isEmpty();
    nfs.removeImageRecord("host-coder");
    assertThatThrownBy(() -> nfs.publishImageRecordText("../host-coder", "{}")).hasMessageStartingWith("image id '../host-coder'");
    assertThatThrownBy(() -> nfs(fake, "fail").imageRecordText("host-coder")).isInstanceOf(FlyctlException.class);
    assertThatThrownBy(() -> nfs(fake, "garbage").imageRecordText("host-coder"))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("images/host-coder.json under " + root() + " could not be read: ");
  }

  @Test
  void removingAComputerTakesOnlyItsTree() throws Exception {
    FakeFly fake = fake();
    FlySshNfs nfs = nfs(fake, "ok");
    nfs.publishImageRecord("host-coder", RECORD);
    for (String c : List.of("carol-abc123", "user_2abc")) {
      nfs.createComputer(c);
      nfs.writeInstance(c, "brave-otter", InstanceFile.queued(RECORD));
    }
    nfs.removeComputer("carol-abc123");
    assertThat(nfs.computers()).containsExactly("user_2abc");
    assertThat(root().resolve("images/host-coder.json")).exists();
    assertThat(fake.calls().get(fake.calls().size() - 2)).last().isEqualTo("sh -c 'rm -rf -- " + root() + "/carol-abc123'");
    assertThatThrownBy(() -> nfs.removeComputer("..")).hasMessageStartingWith("computer id '..'");
  }

  @Test
  void garbageWhereAnInstanceFileShouldBeIsAClearFailure() throws Exception {
    FakeFly fake = fake();
    assertThatThrownBy(() -> nfs(fake, "garbage").readInstance("c1", "a1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("c1/exec/a1.json under " + root() + " is not an instance file (stack-contract.md §1.3): ")
        .hasMessageContaining("hallpass v2");
  }

  @Test
  void idsAndRootsThatAreNotTheStacksAreRefusedBeforeAnyCall() throws Exception {
    FakeFly fake = fake();
    FlySshNfs nfs = nfs(fake, "ok");
    assertThatThrownBy(() -> nfs.readInstance("c1'; rm -rf /; '", "a1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("computer id 'c1'; rm -rf /; '' is not one the stack writes");
    assertThatThrownBy(() -> nfs.createAgent("c1", "../a1")).hasMessageStartingWith("agent id '../a1'");
    assertThatThrownBy(() -> nfs.instances("User_2ABC")).hasMessageStartingWith("computer id 'User_2ABC'");
    assertThatThrownBy(() -> new FlySshNfs(null, "org1-nfs", null, "/data/../etc", Duration.ofSeconds(1)))
        .hasMessageStartingWith("NFS root '/data/../etc' must be a plain absolute path");
    assertThat(dir.resolve("bin/argv.log")).doesNotExist();
  }
}
