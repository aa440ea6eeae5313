package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each reconcile strategy on its own, against an instance that records which documented steps the
 * strategy took: the DOC one takes them, the defective one does not.
 */
class ReconcileStrategiesTest {

  /** An instance file that records the steps taken on it. */
  static final class Recorded implements Reconciling {
    final String key;
    final List<String> steps = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    Recorded(String key) {
      this.key = key;
    }

    @Override public String key() { return key; }
    @Override public void log(String message) { log.add(message); }
    @Override public void requeue() { steps.add("requeue"); }
    @Override public void retryLater() { steps.add("retryLater"); }

    @Override
    public boolean stopAndRemove() {
      steps.add("stopAndRemove");
      return true;
    }

    @Override
    public boolean rehydrate() {
      steps.add("rehydrate");
      return true;
    }
  }

  final Recorded instance = new Recorded("c1/a1");

  @Test
  void retryingRequeuesEachFailureAndSchedulesAnotherPassUntilTheLastAttempt() {
    FailedBoots retry = FailedBoots.retryUpTo(3);
    assertThat(retry.failed(instance, "killed")).isTrue();
    assertThat(retry.failed(instance, "killed")).isTrue();
    assertThat(instance.steps).containsExactly("requeue", "retryLater", "requeue", "retryLater");
    instance.steps.clear();
    assertThat(retry.failed(instance, "killed")).isTrue();
    assertThat(instance.steps).as("the third failure is re-queued, not retried").containsExactly("requeue");
    assertThat(instance.log).last().asString().isEqualTo("boot attempt 3/3 failed: killed; re-queued, giving up until the next change notification");
  }

  @Test
  void retryingCountsAgainAfterGivingUpOrAfterTheInstanceRan() {
    FailedBoots retry = FailedBoots.retryUpTo(2);
    retry.failed(instance, "one");
    retry.failed(instance, "two");
    retry.failed(instance, "after giving up");
    assertThat(instance.log).last().asString().startsWith("boot attempt 1/2 failed: after giving up");
    retry.running(instance);
    retry.failed(instance, "after running");
    assertThat(instance.log).last().asString().isEqualTo("boot attempt 1/2 failed: after running; re-queued, retrying");
  }

  @Test
  void retryingCountsEachInstanceApart() {
    FailedBoots retry = FailedBoots.retryUpTo(2);
    retry.failed(instance, "one");
    Recorded other = new Recorded("c1/a2");
    retry.failed(other, "other");
    assertThat(other.log).containsExactly("boot attempt 1/2 failed: other; re-queued, retrying");
  }

  @Test
  void givingUpOnlyLogsTheFailure() {
    assertThat(FailedBoots.GIVE_UP.failed(instance, "killed")).isFalse();
    assertThat(instance.steps).isEmpty();
    assertThat(instance.log).containsExactly("boot failed: killed");
  }

  @Test
  void aStoppedInstanceIsStoppedAndRemovedOrIgnored() {
    assertThat(StoppedInstances.IGNORE.handle(instance)).isFalse();
    assertThat(instance.steps).isEmpty();
    assertThat(StoppedInstances.STOP_AND_REMOVE.handle(instance)).isTrue();
    assertThat(instance.steps).containsExactly("stopAndRemove");
  }

  @Test
  void aStoppedMachineIsRehydratedOrLeft() {
    assertThat(StoppedMachines.LEAVE.handle(instance)).isFalse();
    assertThat(instance.steps).isEmpty();
    assertThat(StoppedMachines.REHYDRATE.handle(instance)).isTrue();
    assertThat(instance.steps).containsExactly("rehydrate");
  }
}
