package io.artifact.flyemu.edge;

import static io.artifact.flyemu.fly.PlatformFixture.APP_IMAGE;
import static io.artifact.flyemu.fly.PlatformFixture.BOOT;
import static io.artifact.flyemu.fly.PlatformFixture.STOP;
import static io.artifact.flyemu.fly.PlatformFixture.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.PlatformFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fly Proxy's autostop on a manual clock (fly-facts.md §8.2, §8.3). */
class AutostopTest {

  static final Duration IDLE = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  PlatformFixture p;
  Autostop autostop;

  @BeforeEach
  void setUp() {
    p = new PlatformFixture(dataDir);
    autostop = new Autostop(p.fly, IDLE);
  }

  static ObjectNode asking(String autostop) {
    ObjectNode c = config(APP_IMAGE);
    c.putArray("services").addObject().put("protocol", "tcp").put("internal_port", 8080).put("autostop", autostop).put("autostart", true);
    return c;
  }

  Machine started(String app, ObjectNode config) {
    Machine m = p.createMachine(app, config);
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
    return m;
  }

  @Test
  void aMachineAskingForSuspendIsSuspendedOnceIdleForTheWindowAndNotBefore() {
    Machine m = started("org1-pool", asking("suspend"));
    p.clock.advance(IDLE.minusSeconds(1));
    autostop.pass();
    assertThat(m.state()).isEqualTo(MachineState.STARTED);

    p.clock.advance(Duration.ofSeconds(2));
    autostop.pass();
    assertThat(m.state()).isEqualTo(MachineState.SUSPENDING);
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.SUSPENDED);
    assertThat(p.fly.logs("org1-pool", null, m.id(), 10)).extracting(LogEntry::message)
        .anyMatch(l -> l.contains("autosuspending machine " + m.id()));
  }

  @Test
  void aRequestRestartsTheIdleWindowAndOneInFlightKeepsTheMachineAwake() throws Exception {
    Machine m = started("org1-pool", asking("suspend"));
    p.clock.advance(IDLE.minusSeconds(10));
    p.fly.load().serve(m, () -> "ok");
    p.clock.advance(Duration.ofSeconds(20));
    autostop.pass();
    assertThat(m.state()).as("a request 20 s ago").isEqualTo(MachineState.STARTED);

    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> longRequest = pool.submit(() -> p.fly.load().serve(m, () -> {
        inside.countDown();
        release.await();
        return "done";
      }));
      inside.await();
      p.clock.advance(IDLE.multipliedBy(2));
      autostop.pass();
      assertThat(m.state()).as("a request in flight").isEqualTo(MachineState.STARTED);
      release.countDown();
      longRequest.get();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMachineWhoseServicesDoNotAskIsNeverPutToSleep() {
    Machine none = started("org1-app", config(APP_IMAGE));
    Machine off = started("org1-off", asking("off"));
    p.clock.advance(IDLE.multipliedBy(3));
    autostop.pass();
    assertThat(none.state()).isEqualTo(MachineState.STARTED);
    assertThat(off.state()).isEqualTo(MachineState.STARTED);
  }

  @Test
  void suspendFallsBackToAStopWhenTheMachineCannotBeSuspended() {
    ObjectNode swap = asking("suspend");
    swap.putObject("init").put("swap_size_mb", 2048);
    Machine m = started("org1-pool", swap);
    p.clock.advance(IDLE.plusSeconds(1));
    autostop.pass();
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
  }

  @Test
  void stopAsksForAStopAndTheOldBooleanFormIsUnderstood() {
    ObjectNode legacy = config(APP_IMAGE);
    legacy.putArray("services").addObject().put("internal_port", 8080).put("autostop", true);
    Machine m = started("org1-pool", legacy);
    p.clock.advance(IDLE.plusSeconds(1));
    autostop.pass();
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
  }

  @Test
  void onePerAppAndRegionPerPassAndNeverBelowMinMachinesRunning() {
    ObjectNode keepOne = asking("suspend");
    ((ObjectNode) keepOne.path("services").get(0)).put("min_machines_running", 1);
    Machine a = started("org1-pool", keepOne);
    Machine b = started("org1-pool", keepOne);
    Machine c = started("org1-pool", keepOne);
    p.clock.advance(IDLE.plusSeconds(1));
    autostop.pass();
    p.clock.advance(STOP);
    assertThat(java.util.stream.Stream.of(a, b, c).filter(m -> m.state() == MachineState.SUSPENDED)).hasSize(1);
    autostop.pass();
    p.clock.advance(STOP);
    autostop.pass();
    p.clock.advance(STOP);
    assertThat(java.util.stream.Stream.of(a, b, c).filter(m -> m.state() == MachineState.STARTED)).as("the floor").hasSize(1);
  }

  @Test
  void theLoopRunsOnItsOwnUntilClosed() {
    Machine m = started("org1-pool", asking("suspend"));
    autostop.start();
    p.clock.advance(IDLE.plus(IDLE.dividedBy(2)));
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.SUSPENDED);

    m.start();
    p.clock.advance(BOOT);
    autostop.close();
    p.clock.advance(IDLE.multipliedBy(3));
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
  }
}
