package io.artifact.flyemu.fly;

import static io.artifact.flyemu.fly.PlatformFixture.APP_IMAGE;
import static io.artifact.flyemu.fly.PlatformFixture.BOOT;
import static io.artifact.flyemu.fly.PlatformFixture.STOP;
import static io.artifact.flyemu.fly.PlatformFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Machine.when} and {@code FlyPlatform.waitFor} (fly-facts.md §4.1). */
class MachineWaitTest {

  @TempDir Path dataDir;
  private PlatformFixture p;

  @BeforeEach
  void setUp() {
    p = new PlatformFixture(dataDir);
  }

  @Test
  void whenCompletesAtOnceIfTheMachineIsAlreadyThere() {
    Machine m = p.startedMachine("org1-app");
    assertThat(m.when(EnumSet.of(MachineState.STARTED))).isCompletedWithValue(MachineState.STARTED);
  }

  @Test
  void whenCompletesOnTheTransitionAndNotBefore() {
    Machine m = p.createMachine("org1-app", config(APP_IMAGE));
    CompletableFuture<MachineState> started = m.when(EnumSet.of(MachineState.STARTED));
    p.clock.advance(BOOT.minusMillis(1));
    assertThat(started).isNotDone();
    p.clock.advance(Duration.ofMillis(1));
    assertThat(started).isCompletedWithValue(MachineState.STARTED);
  }

  @Test
  void waitForReturnsAtOnceWhenTheMachineIsAlreadyThere() throws Exception {
    Machine m = p.startedMachine("org1-app");
    long t0 = System.nanoTime();
    assertThat(p.fly.waitFor("org1-app", m.id(), "started", Duration.ofSeconds(5))).isSameAs(m);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void waitForBlocksUntilTheMachineGetsThere() {
    Machine m = p.createMachine("org1-app", config(APP_IMAGE));
    CompletableFuture<MachineState> result = new CompletableFuture<>();
    Thread waiter = new Thread(() -> {
      try {
        result.complete(p.fly.waitFor("org1-app", m.id(), "started", Duration.ofSeconds(30)).state());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    waiter.start();
    // parked in the future's timed get: the waiter is registered and nothing has moved yet
    await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
    assertThat(result).isNotDone();

    p.clock.advance(BOOT);
    assertThat(result).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(MachineState.STARTED);
  }

  @Test
  void waitForTimesOutWithFlysDeadlineMessage() {
    Machine m = p.startedMachine("org1-app");
    m.stop();
    p.clock.advance(STOP);
    assertThatThrownBy(() -> p.fly.waitFor("org1-app", m.id(), "started", Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.TIMEOUT))
        .hasMessage("deadline_exceeded: machine failed to reach desired state, started, currently stopped");
  }

  @Test
  void waitForRejectsTimeoutsOutsideOneToSixtySeconds() {
    Machine m = p.startedMachine("org1-app");
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(61), Duration.ofSeconds(90)}) {
      assertThatThrownBy(() -> p.fly.waitFor("org1-app", m.id(), "started", bad))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.INVALID))
          .hasMessageStartingWith("invalid_argument:");
    }
  }

  @Test
  void waitForAnUnknownStateIsInvalid() {
    Machine m = p.startedMachine("org1-app");
    assertThatThrownBy(() -> p.fly.waitFor("org1-app", m.id(), "sleeping", Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.INVALID));
  }

  @Test
  void waitForSettledAcceptsAnyRestingState() throws Exception {
    Machine m = p.startedMachine("org1-app");
    assertThat(p.fly.waitFor("org1-app", m.id(), "settled", Duration.ofSeconds(1)).state()).isEqualTo(MachineState.STARTED);
    m.stop();
    p.clock.advance(STOP);
    assertThat(p.fly.waitFor("org1-app", m.id(), "settled", Duration.ofSeconds(1)).state()).isEqualTo(MachineState.STOPPED);
  }

  @Test
  void waitForSettledDoesNotAcceptATransientState() {
    Machine m = p.startedMachine("org1-app");
    m.stop();
    assertThatThrownBy(() -> p.fly.waitFor("org1-app", m.id(), "settled", Duration.ofSeconds(1)))
        .hasMessage("deadline_exceeded: machine failed to reach desired state, settled, currently stopping");
  }

  @Test
  void aTimedOutWaitLeavesNoWaiterBehind() throws Exception {
    Machine m = p.startedMachine("org1-app");
    m.stop();
    p.clock.advance(STOP);
    CompletableFuture<MachineState> abandoned = m.when(EnumSet.of(MachineState.STARTED));
    abandoned.orTimeout(10, TimeUnit.MILLISECONDS);
    await().atMost(Duration.ofSeconds(5)).until(abandoned::isDone);
    assertThatThrownBy(() -> p.fly.waitFor("org1-app", m.id(), "started", Duration.ofSeconds(1)))
        .isInstanceOf(PlatformException.class);

    assertThat(m.pendingWaiters()).isZero();
  }
}
