package io.artifact.flyemu.exec;

import static io.artifact.flyemu.nfs.Instance.Hardware.RUNNING;
import static io.artifact.flyemu.nfs.Instance.Hardware.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.InstanceFiles;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The share going away in the middle of a pass leaves whole instance files and no Machine they cannot name. */
class ReconcilerNfsOutageTest {

  @TempDir Path root;
  volatile boolean nfsUp = true;
  final FakeWorkerPool fake = new FakeWorkerPool();
  final List<String> log = new ArrayList<>();

  /** The NFS Machine stops right after exec asked for a worker Machine. */
  final WorkerPool pool = new WorkerPool() {
    @Override public Set<String> machineIds() { return fake.machineIds(); }
    @Override public java.util.Map<String, String> machineStates() { return fake.machineStates(); }
    @Override public void start(String machineId) { fake.start(machineId); }
    @Override public Optional<String> state(String machineId) { return fake.state(machineId); }
    @Override public void destroy(String machineId) { fake.destroy(machineId); }

    @Override
    public String create(String computer, ImageRecord record) {
      String id = fake.create(computer, record);
      nfsUp = false;
      return id;
    }
  };

  final AgentLoader loader = new AgentLoader() {
    @Override public void awaitBoot(String machineId) {}
    @Override public void load(String machineId, String computer, String agent) {}
  };

  @Test
  void theShareLostBetweenCreateAndWriteDestroysTheMachineAndTheNextPassStartsAgain() {
    NfsRoot share = () -> {
      if (!nfsUp) throw new NfsUnavailableException("NFS mount failed: nfs.flycast");
      return root;
    };
    new ComputerStore(NfsRoot.at(root)).upsertComputer("c1");
    InstanceFiles files = new InstanceFiles(share);
    files.write("c1", "a1", Instance.queued(ImageRecord.hostCoder()));
    Reconciler r = new Reconciler(files, pool, loader, Reconciler.Strategies.doc(3), log::add, c -> {});

    assertThatThrownBy(() -> r.reconcile("c1")).isInstanceOf(NfsUnavailableException.class);
    assertThat(fake.destroyed).as("the Machine no file names").containsExactly("machine-1");
    InstanceFiles direct = new InstanceFiles(NfsRoot.at(root));
    assertThat(direct.read("c1", "a1")).as("a whole file, as last written").hasValueSatisfying(i -> {
      assertThat(i.hardware()).isEqualTo(STARTING);
      assertThat(i.machineId()).isNull();
    });

    nfsUp = true;
    Reconciler again = new Reconciler(files, fake, loader, Reconciler.Strategies.doc(3), log::add, c -> {});
    again.reconcile("c1");
    again.reconcile("c1");
    assertThat(direct.read("c1", "a1")).hasValueSatisfying(i -> assertThat(i.hardware()).isEqualTo(RUNNING));
  }
}
