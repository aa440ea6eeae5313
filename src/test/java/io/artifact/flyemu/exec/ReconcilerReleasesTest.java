package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.ImageRecords;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.InstanceFiles;
import io.artifact.flyemu.nfs.NfsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AGENT-030 in exec: which release a new Machine gets, and what a malformed or unpullable one does. */
class ReconcilerReleasesTest {

  static final ImageRecord V1 = ImageRecord.hostCoder();
  static final ImageRecord V2 = new ImageRecord("registry.fly.io/host-coder:deployment-v2", "shared", 1, 256);
  static final String UNKNOWN = "registry.fly.io/host-coder:no-such-tag";

  @TempDir Path root;
  InstanceFiles files;
  final List<String> log = new ArrayList<>();
  final List<ImageRecord> created = new ArrayList<>();

  /** Refuses images it does not have with 422, as the Machines API does. */
  final WorkerPool pool = new WorkerPool() {
    final FakeWorkerPool inner = new FakeWorkerPool();

    @Override public Set<String> machineIds() { return inner.machineIds(); }
    @Override public java.util.Map<String, String> machineStates() { return inner.machineStates(); }
    @Override public void start(String id) { inner.start(id); }
    @Override public void destroy(String id) { inner.destroy(id); }
    @Override public Optional<String> state(String id) { return inner.state(id); }

    @Override
    public String create(String computer, ImageRecord record) {
      if (record.image().equals(UNKNOWN)) {
        throw new FlyApiException("POST machines of pool:  422 {\"error\":\"unable to resolve image " + UNKNOWN + ": MANIFEST_UNKNOWN\"}");
      }
      created.add(record);
      return inner.create(computer, record);
    }
  };

  final AgentLoader loader = new AgentLoader() {
    @Override public void awaitBoot(String machineId) {}
    @Override public void load(String machineId, String computer, String agent) {}
  };

  @BeforeEach
  void computer() {
    new ComputerStore(NfsRoot.at(root)).upsertComputer("c1");
    files = new InstanceFiles(NfsRoot.at(root));
  }

  Reconciler reconciler(Releases releases) {
    return new Reconciler(files, pool, loader, Reconciler.Strategies.doc(3), log::add, c -> {}, releases);
  }

  Releases manifests() {
    return new ManifestReleases(NfsRoot.at(root), "host-coder", log::add);
  }

  void publish(ImageRecord r) {
    new ImageRecords(NfsRoot.at(root)).publish("host-coder", r);
  }

  void publishText(String text) throws Exception {
    Files.writeString(root.resolve("images/host-coder.json"), text);
  }

  void queue(String agent) {
    files.write("c1", agent, Instance.queued(V1));
  }

  @Test
  void aNewMachineStartsOnTheNewestReleaseAndTheInstanceFileSaysSo() {
    Reconciler r = reconciler(manifests());
    publish(V1);
    queue("a1");
    r.reconcile("c1");
    publish(V2);
    queue("a2");
    r.reconcile("c1");
    assertThat(created).containsExactly(V1, V2);
    assertThat(files.read("c1", "a2").orElseThrow().record()).isEqualTo(V2);
    assertThat(files.read("c1", "a1").orElseThrow().record()).as("the running agent keeps its release").isEqualTo(V1);
  }

  @Test
  void aMalformedManifestIsRejectedAndTheReleaseBeforeItIsUsed() throws Exception {
    Reconciler r = reconciler(manifests());
    publish(V1);
    queue("a1");
    r.reconcile("c1");
    publishText("{\"image\": \"" + V2.image() + "\", \"cpu_kind\": \"shared\", \"cpus\": 1}");
    queue("a2");
    r.reconcile("c1");
    assertThat(created).containsExactly(V1, V1);
    assertThat(log).contains("release manifest computers/images/host-coder.json rejected: memory_mb: required; "
        + "new agents keep the release " + V1.image());
  }

  @Test
  void aReleaseWhoseImageFlyCannotPullIsRejectedAndNothingIsCreatedFromIt() {
    Reconciler r = reconciler(manifests());
    publish(V1);
    queue("a1");
    r.reconcile("c1");
    publish(new ImageRecord(UNKNOWN, "shared", 1, 256));
    queue("a2");
    r.reconcile("c1");
    assertThat(created).containsExactly(V1, V1);
    assertThat(files.read("c1", "a2").orElseThrow().hardware()).isEqualTo(Instance.Hardware.RUNNING);
    assertThat(log).anyMatch(l -> l.startsWith("release manifest computers/images/host-coder.json rejected: image: Fly cannot pull "
        + UNKNOWN) && l.endsWith("new agents keep the release " + V1.image()));
  }

  @Test
  void theStaleDefectKeepsTheFirstReleaseItSaw() {
    Reconciler r = reconciler(Releases.firstOnly(manifests()));
    publish(V1);
    queue("a1");
    r.reconcile("c1");
    publish(V2);
    queue("a2");
    r.reconcile("c1");
    assertThat(created).containsExactly(V1, V1);
  }

  @Test
  void theUncheckedDefectCreatesFromAManifestMissingAField() throws Exception {
    Reconciler r = reconciler(new UncheckedReleases(NfsRoot.at(root), "host-coder"));
    publish(V1);
    publishText("{\"image\": \"" + V2.image() + "\", \"cpu_kind\": \"shared\", \"cpus\": 1}");
    queue("a1");
    r.reconcile("c1");
    assertThat(created).extracting(ImageRecord::image).containsExactly(V2.image());
    assertThat(log).noneMatch(l -> l.contains("rejected"));
  }

  @Test
  void withNoManifestTheRecordTheInstanceWasQueuedWithIsUsed() {
    queue("a1");
    reconciler(manifests()).reconcile("c1");
    assertThat(created).containsExactly(V1);
  }
}
