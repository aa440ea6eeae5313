package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcileQueueTest {

  /** Runs submitted jobs only when the test says so. */
  static final class StepExecutor implements Executor {
    final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
      jobs.add(r);
    }

    void runNext() {
      jobs.removeFirst().run();
    }
  }

  final StepExecutor executor = new StepExecutor();
  final ReconcileQueue<Integer> queue = new ReconcileQueue<>(executor);
  final AtomicInteger runs = new AtomicInteger();

  CompletableFuture<Integer> kick(String key) {
    return queue.enqueue(key, runs::incrementAndGet);
  }

  @Test
  void callsDuringARunShareOnePendingRunAndALaterCallStartsFresh() {
    CompletableFuture<Integer> first = kick("c1");
    CompletableFuture<Integer> second = kick("c1");
    CompletableFuture<Integer> third = kick("c1");
    assertThat(second).isSameAs(third).isNotSameAs(first);
    assertThat(executor.jobs).hasSize(1);

    executor.runNext();
    assertThat(first).isCompletedWithValue(1);
    assertThat(second).isNotDone();
    assertThat(executor.jobs).as("the pending run is promoted").hasSize(1);

    executor.runNext();
    assertThat(second).isCompletedWithValue(2);
    assertThat(queue.active()).isZero();

    CompletableFuture<Integer> fourth = kick("c1");
    executor.runNext();
    assertThat(fourth).isCompletedWithValue(3);
    assertThat(runs).hasValue(3);
  }

  @Test
  void differentComputersRunInParallel() {
    kick("c1");
    kick("c2");
    assertThat(executor.jobs).hasSize(2);
    assertThat(queue.active()).isEqualTo(2);
  }

  @Test
  void keysDifferingOnlyInCaseAreOneComputer() {
    kick("User_A");
    CompletableFuture<Integer> pending = kick("user_a");
    assertThat(executor.jobs).hasSize(1);
    assertThat(pending).isNotDone();
  }

  @Test
  void aFailingRunFailsOnlyItsOwnCallersAndThePendingRunStillRuns() {
    CompletableFuture<Integer> failing = queue.enqueue("c1", () -> {
      throw new IllegalStateException("boom");
    });
    CompletableFuture<Integer> next = kick("c1");
    executor.runNext();
    assertThat(failing).isCompletedExceptionally();
    executor.runNext();
    assertThat(next).isCompletedWithValue(1);
  }
}
