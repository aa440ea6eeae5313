package io.artifact.flyemu.exec;

import static io.artifact.flyemu.nfs.Instance.Hardware.LOADABLE;
import static io.artifact.flyemu.nfs.Instance.Hardware.QUEUED;
import static io.artifact.flyemu.nfs.Instance.Hardware.RUNNING;
import static io.artifact.flyemu.nfs.Instance.Hardware.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.InstanceFiles;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.UnknownComputerException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {

  @TempDir Path root;
  InstanceFiles files;
  final FakeWorkerPool pool = new FakeWorkerPool();
  final List<String> log = new ArrayList<>();
  final List<String> retries = new ArrayList<>();
  final List<String> loads = new ArrayList<>();
  /** What the next boot does: null boots fine, otherwise the machine dies with this reason. */
  String bootFailure;
  boolean loadFails;

  final AgentLoader loader = new AgentLoader() {
    @Override
    public void awaitBoot(String machineId) {
      if (bootFailure != null) {
        String why = bootFailure;
        bootFailure = null;
        pool.states.remove(machineId);
        throw new BootFailedException(why);
      }
    }

    @Override
    public void load(String machineId, String computer, String agent) {
      if (loadFails) throw new LoadFailedException("Failed to load agent " + agent, null);
      loads.add(machineId + ":" + computer + "/" + agent);
    }
  };

  @BeforeEach
  void computer() {
    new ComputerStore(NfsRoot.at(root)).upsertComputer("c1");
    files = new InstanceFiles(NfsRoot.at(root));
  }

  /** The reconciler of the {@code fly-exec} image with this tag: the strategies its variant resolves to, as ExecApp builds them. */
  Reconciler reconciler(String tag) {
    ExecVariant variant = ExecVariants.VARIANTS.of(ImageRef.parse("registry.fly.io/fly-exec:" + tag));
    return new Reconciler(files, pool, loader, variant.strategies(Reconciler.Strategies.doc(3)), log::add, retries::add);
  }

  Reconciler reconciler() {
    return reconciler("latest");
  }

  void write(Instance i) {
    files.write("c1", "a1", i);
  }

  Instance read() {
    return files.read("c1", "a1").orElseThrow();
  }

  @Test
  void aQueuedInstanceGetsAMachineIsLoadedAndRuns() {
    write(Instance.queued(ImageRecord.hostCoder()));
    assertThat(reconciler().reconcile("C1")).isEqualTo(1);
    assertThat(read().hardware()).isEqualTo(RUNNING);
    assertThat(read().machineId()).isEqualTo("machine-1");
    assertThat(loads).containsExactly("machine-1:c1/a1");
  }

  @Test
  void aRunningInstanceWithItsMachineIsLeftAlone() {
    pool.states.put("m1", "started");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1"));
    assertThat(reconciler().reconcile("c1")).isZero();
    assertThat(pool.created).isEmpty();
  }

  @Test
  void aMachineThatDiesWhileBootingSendsTheFileBackToQueuedAndSchedulesARetry() {
    write(Instance.queued(ImageRecord.hostCoder()));
    bootFailure = "machine machine-1 is stopped while booting";
    assertThat(reconciler().reconcile("c1")).isEqualTo(1);
    assertThat(read().hardware()).isEqualTo(QUEUED);
    assertThat(read().machineId()).isNull();
    assertThat(retries).containsExactly("c1");
    assertThat(log).anyMatch(l -> l.contains("boot attempt 1/3 failed") && l.contains("re-queued, retrying"));
  }

  @Test
  void theRetryCreatesANewMachineAndReachesRunning() {
    Reconciler r = reconciler();
    write(Instance.queued(ImageRecord.hostCoder()));
    bootFailure = "killed";
    r.reconcile("c1");
    r.reconcile("c1");
    assertThat(pool.created).containsExactly("machine-1", "machine-2");
    assertThat(read().hardware()).isEqualTo(RUNNING);
    assertThat(read().machineId()).isEqualTo("machine-2");
  }

  @Test
  void retriesAreBoundedAndEachIsLogged() {
    Reconciler r = reconciler();
    write(Instance.queued(ImageRecord.hostCoder()));
    for (int i = 0; i < 3; i++) {
      bootFailure = "killed " + i;
      r.reconcile("c1");
    }
    assertThat(retries).hasSize(2);
    assertThat(log).filteredOn(l -> l.contains("boot attempt")).hasSize(3);
    assertThat(log.get(log.size() - 1)).contains("3/3").contains("giving up");
    assertThat(read().hardware()).isEqualTo(QUEUED);
  }

  @Test
  void withTheNoRetryDefectAFailedBootStaysStarting() {
    write(Instance.queued(ImageRecord.hostCoder()));
    bootFailure = "killed";
    Reconciler r = reconciler("defect-no-retry");
    r.reconcile("c1");
    assertThat(read().hardware()).isEqualTo(STARTING);
    r.reconcile("c1");
    assertThat(pool.created).hasSize(1);
    assertThat(retries).isEmpty();
  }

  @Test
  void aStartingFileWhoseMachineVanishedIsRequeued() {
    write(Instance.queued(ImageRecord.hostCoder()).with(STARTING, "gone"));
    reconciler().reconcile("c1");
    assertThat(read().hardware()).isEqualTo(QUEUED);
    assertThat(retries).containsExactly("c1");
  }

  @Test
  void aRunningFileWhoseMachineVanishedIsRemoved() {
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "gone"));
    assertThat(reconciler().reconcile("c1")).isEqualTo(1);
    assertThat(files.read("c1", "a1")).isEmpty();
    assertThat(log).anyMatch(l -> l.contains("machine gone vanished; instance file removed"));
  }

  @Test
  void stoppedSoftwareDestroysTheMachineAndRemovesTheFile() {
    pool.states.put("m1", "started");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1").with(Instance.Software.STOPPED));
    assertThat(reconciler().reconcile("c1")).isEqualTo(1);
    assertThat(pool.destroyed).containsExactly("m1");
    assertThat(files.read("c1", "a1")).isEmpty();
  }

  @Test
  void stoppedSoftwareAlsoStopsALoadableMachineInsteadOfLeakingIt() {
    pool.states.put("m1", "started");
    write(Instance.queued(ImageRecord.hostCoder()).with(LOADABLE, "m1").with(Instance.Software.STOPPED));
    reconciler().reconcile("c1");
    assertThat(pool.destroyed).containsExactly("m1");
  }

  @Test
  void withTheIgnoreStoppedDefectTheMachineKeepsRunning() {
    pool.states.put("m1", "started");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1").with(Instance.Software.STOPPED));
    assertThat(reconciler("defect-ignore-stopped").reconcile("c1")).isZero();
    assertThat(pool.destroyed).isEmpty();
    assertThat(files.read("c1", "a1")).isPresent();
  }

  @Test
  void aFailedLoadLeavesTheFileLoadableForTheNextNotification() {
    write(Instance.queued(ImageRecord.hostCoder()));
    loadFails = true;
    Reconciler r = reconciler();
    r.reconcile("c1");
    assertThat(read().hardware()).isEqualTo(LOADABLE);
    loadFails = false;
    assertThat(r.reconcile("c1")).isEqualTo(1);
    assertThat(read().hardware()).isEqualTo(RUNNING);
    assertThat(pool.created).hasSize(1);
  }

  @Test
  void aFailedCreateIsABootFailure() {
    write(Instance.queued(ImageRecord.hostCoder()));
    pool.failCreate = true;
    reconciler().reconcile("c1");
    assertThat(read().hardware()).isEqualTo(QUEUED);
    assertThat(log).anyMatch(l -> l.contains("create failed"));
  }

  @Test
  void aRunningAgentWhoseMachineWasStoppedIsStartedAndLoadedAgainOnTheSameMachine() {
    pool.states.put("m1", "stopped");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1"));
    assertThat(reconciler().reconcile("c1")).isEqualTo(1);
    assertThat(pool.startedAgain).containsExactly("m1");
    assertThat(loads).containsExactly("m1:c1/a1");
    assertThat(read().hardware()).isEqualTo(RUNNING);
    assertThat(read().machineId()).isEqualTo("m1");
    assertThat(pool.created).isEmpty();
  }

  @Test
  void aSuspendedMachineKeepsItsAgentAndIsLeftToTheProxy() {
    pool.states.put("m1", "suspended");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1"));
    assertThat(reconciler().reconcile("c1")).isZero();
    assertThat(pool.startedAgain).isEmpty();
    assertThat(loads).isEmpty();
  }

  @Test
  void aStoppedMachineThatWillNotBootAgainIsReplaced() {
    pool.states.put("m1", "stopped");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1"));
    bootFailure = "machine m1 is stopped while booting";
    Reconciler r = reconciler();
    r.reconcile("c1");
    assertThat(read().hardware()).isEqualTo(QUEUED);
    assertThat(pool.destroyed).containsExactly("m1");
    r.reconcile("c1");
    assertThat(read().hardware()).isEqualTo(RUNNING);
    assertThat(read().machineId()).isEqualTo("machine-1");
  }

  @Test
  void withTheNoRehydrateDefectAStoppedMachineIsLeftStopped() {
    pool.states.put("m1", "stopped");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1"));
    assertThat(reconciler("defect-no-rehydrate").reconcile("c1")).isZero();
    assertThat(pool.startedAgain).isEmpty();
    assertThat(read().hardware()).isEqualTo(RUNNING);
  }

  @Test
  void aBootThatSucceedsStartsTheCountOfFailuresAgain() {
    Reconciler r = reconciler();
    write(Instance.queued(ImageRecord.hostCoder()));
    bootFailure = "killed 1";
    r.reconcile("c1");
    bootFailure = "killed 2";
    r.reconcile("c1");
    r.reconcile("c1");
    assertThat(read().hardware()).isEqualTo(RUNNING);
    pool.states.put(read().machineId(), "stopped");
    bootFailure = "killed after running";
    r.reconcile("c1");
    assertThat(log).anyMatch(l -> l.contains("boot attempt 1/3 failed: killed after running; re-queued, retrying"));
  }

  @Test
  void theImplImageLeavesAMachineThatDiedMidBootStarting() {
    write(Instance.queued(ImageRecord.hostCoder()));
    bootFailure = "killed";
    Reconciler r = reconciler("impl");
    r.reconcile("c1");
    assertThat(read().hardware()).isEqualTo(STARTING);
    assertThat(r.reconcile("c1")).isZero();
    assertThat(pool.created).hasSize(1);
    assertThat(retries).isEmpty();
    assertThat(log).anyMatch(l -> l.equals("c1/a1: boot failed: killed"));
  }

  @Test
  void theImplImageLeavesAForceStoppedMachineStopped() {
    pool.states.put("m1", "stopped");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1"));
    assertThat(reconciler("impl").reconcile("c1")).isZero();
    assertThat(pool.startedAgain).isEmpty();
    assertThat(read().hardware()).isEqualTo(RUNNING);
  }

  @Test
  void theImplImageStillStopsAStoppedRunningInstance() {
    pool.states.put("m1", "started");
    write(Instance.queued(ImageRecord.hostCoder()).with(RUNNING, "m1").with(Instance.Software.STOPPED));
    assertThat(reconciler("impl").reconcile("c1")).isEqualTo(1);
    assertThat(pool.destroyed).containsExactly("m1");
    assertThat(files.read("c1", "a1")).isEmpty();
  }

  @Test
  void anUnknownComputerIsAnError() {
    assertThatThrownBy(() -> reconciler().reconcile("ghost")).isInstanceOf(UnknownComputerException.class);
  }
}
