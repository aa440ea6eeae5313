package io.artifact.flyemu.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.fly.ManualScheduler;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NfsRetriesTest {

  final ManualScheduler clock = new ManualScheduler();
  final List<String> log = new ArrayList<>();
  final List<Long> attemptsAt = new ArrayList<>();
  boolean nfsUp;
  final long t0 = clock.now().toEpochMilli();

  final NfsRetries retries = new NfsRetries(clock, Duration.ofMillis(200), 4, computer -> {
    attemptsAt.add(clock.now().toEpochMilli() - t0);
    return nfsUp ? CompletableFuture.completedFuture(1)
        : CompletableFuture.failedFuture(new NfsUnavailableException("NFS mount failed: nfs.flycast"));
  }, log::add);

  @Test
  void retriesBackOffExponentiallyAndStopAtTheBound() {
    retries.defer("c1");
    clock.advance(Duration.ofSeconds(60));
    assertThat(attemptsAt).as("200, then 400, 800 and 1600 ms later").containsExactly(200L, 600L, 1400L, 3000L);
    assertThat(log).last().asString().contains("after 4 retries; waiting for the mount to come back");
    assertThat(retries.deferred()).isEqualTo(1);
  }

  @Test
  void manyNotificationsForOneComputerMakeOneChain() {
    for (int i = 0; i < 5; i++) retries.defer("c1");
    clock.advance(Duration.ofMillis(200));
    assertThat(attemptsAt).hasSize(1);
  }

  @Test
  void theMountComingBackResumesEveryDeferredComputerAtOnce() {
    retries.defer("c1");
    retries.defer("c2");
    clock.advance(Duration.ofSeconds(60));
    nfsUp = true;
    retries.resumeAll();
    assertThat(retries.deferred()).isZero();
    assertThat(log).anyMatch(l -> l.equals("c1: reconciled after the NFS outage (changeCount 1)"))
        .anyMatch(l -> l.equals("c2: reconciled after the NFS outage (changeCount 1)"));
    clock.advance(Duration.ofSeconds(60));
    assertThat(attemptsAt).hasSize(10);
  }

  @Test
  void aRetryThatSucceedsEndsTheChain() {
    retries.defer("c1");
    clock.advance(Duration.ofMillis(200));
    nfsUp = true;
    clock.advance(Duration.ofSeconds(60));
    assertThat(attemptsAt).containsExactly(200L, 600L);
    assertThat(retries.deferred()).isZero();
  }
}
