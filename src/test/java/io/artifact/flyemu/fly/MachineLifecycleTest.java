package io.artifact.flyemu.fly;

import static io.artifact.flyemu.fly.PlatformFixture.APP_IMAGE;
import static io.artifact.flyemu.fly.PlatformFixture.BOOT;
import static io.artifact.flyemu.fly.PlatformFixture.REAP;
import static io.artifact.flyemu.fly.PlatformFixture.RESUME;
import static io.artifact.flyemu.fly.PlatformFixture.STOP;
import static io.artifact.flyemu.fly.PlatformFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Machine state machine on a manual clock (fly-facts.md §4). */
class MachineLifecycleTest {

  private static final Duration TICK = Duration.ofMillis(1);

  @TempDir Path dataDir;
  private PlatformFixture p;

  @BeforeEach
  void setUp() {
    p = new PlatformFixture(dataDir);
  }

  @Test
  void createAnswersCreatedAndStartsOnlyAfterTheImagesBootDelay() {
    p.fly.createApp("org1-app", "personal");
    Machine m = p.fly.createMachine("org1-app", null, "syd", config(APP_IMAGE), false);
    assertThat(m.state()).isEqualTo(MachineState.CREATED);

    p.clock.runDue();
    assertThat(m.state()).isEqualTo(MachineState.STARTING);
    p.clock.advance(BOOT.minus(TICK));
    assertThat(m.state()).isEqualTo(MachineState.STARTING);
    assertThat(m.runningProgram()).isNull();

    p.clock.advance(TICK);
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
    assertThat(m.runningProgram()).isSameAs(p.lastProgram());
  }

  @Test
  void theCreateAnswerIsTakenBeforeTheLaunchCanBegin() {
    p.fly.createApp("org1-app", "personal");
    MachineState answered = p.fly.createMachine("org1-app", null, "syd", config(APP_IMAGE), false, m -> {
      p.clock.runDue(); // a scheduler thread as fast as can be
      return m.state();
    });
    assertThat(answered).isEqualTo(MachineState.CREATED);
  }

  @Test
  void skipLaunchLeavesTheMachineCreated() {
    p.fly.createApp("org1-app", "personal");
    Machine m = p.fly.createMachine("org1-app", null, "syd", config(APP_IMAGE), true);
    p.clock.advance(BOOT.multipliedBy(2));
    assertThat(m.state()).isEqualTo(MachineState.CREATED);
    assertThat(p.programs).isEmpty();
  }

  @Test
  void stopPassesThroughStoppingAndEndsTheProgram() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram program = p.lastProgram();

    m.stop();
    assertThat(m.state()).isEqualTo(MachineState.STOPPING);
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(program.shutDown()).isTrue();
    assertThat(m.events().get(0)).extracting(MachineEvent::type, MachineEvent::status, MachineEvent::exitCode)
        .containsExactly("exit", "stopped", 0);
  }

  @Test
  void startingAStoppedMachineColdBootsANewProgram() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram first = p.lastProgram();
    m.stop();
    p.clock.advance(STOP);

    assertThat(m.start()).isEqualTo(MachineState.STOPPED);
    assertThat(m.state()).isEqualTo(MachineState.STARTING);
    p.clock.advance(RESUME);
    assertThat(m.state()).as("a cold boot takes the image's boot delay, not the resume delay").isEqualTo(MachineState.STARTING);
    p.clock.advance(BOOT.minus(RESUME));
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
    assertThat(m.runningProgram()).isNotSameAs(first).isSameAs(p.lastProgram());
    assertThat(p.programs).hasSize(2);
  }

  @Test
  void suspendPassesThroughSuspendingAndKeepsTheProgram() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram program = p.lastProgram();

    m.suspend();
    assertThat(m.state()).isEqualTo(MachineState.SUSPENDING);
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.SUSPENDED);
    assertThat(program.shutDown()).isFalse();
    assertThat(m.runningProgram()).as("a suspended Machine serves nothing").isNull();
  }

  @Test
  void startingASuspendedMachineResumesTheSameProgramAfterTheResumeDelay() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram program = p.lastProgram();
    m.suspend();
    p.clock.advance(STOP);

    assertThat(m.start()).isEqualTo(MachineState.SUSPENDED);
    assertThat(m.state()).isEqualTo(MachineState.STARTING);
    p.clock.advance(RESUME);
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
    assertThat(m.runningProgram()).isSameAs(program);
    assertThat(p.programs).hasSize(1);
  }

  @Test
  void stoppingASuspendedMachineDiscardsItsSnapshot() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram program = p.lastProgram();
    m.suspend();
    p.clock.advance(STOP);

    m.stop();
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(program.shutDown()).isTrue();
    m.start();
    p.clock.advance(BOOT);
    assertThat(m.runningProgram()).isNotSameAs(program);
  }

  @Test
  void restartPassesThroughRestartingAndBootsAFreshProgram() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram first = p.lastProgram();

    m.restart();
    assertThat(m.state()).isEqualTo(MachineState.RESTARTING);
    assertThat(first.shutDown()).isTrue();
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
    assertThat(m.runningProgram()).isNotSameAs(first);
  }

  @Test
  void restartingAStoppedMachineIsRefused() {
    Machine m = p.startedMachine("org1-app");
    m.stop();
    p.clock.advance(STOP);
    assertThatThrownBy(m::restart).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.PRECONDITION));
  }

  @Test
  void updateGivesANewInstanceIdAndBootsTheNewConfig() {
    Machine m = p.startedMachine("org1-app");
    String before = m.instanceId();

    p.fly.updateMachine("org1-app", m.id(), config("registry.fly.io/app:v2"), false);
    assertThat(m.instanceId()).isNotEqualTo(before).hasSize(26);
    assertThat(m.state()).isEqualTo(MachineState.REPLACING);
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
    assertThat(m.runningProgram()).isSameAs(p.lastProgram());
    assertThat(p.lastProgram().runtime().image().tag()).isEqualTo("v2");
  }

  @Test
  void startingAMachineThatIsBeingReplacedIsRefused() {
    Machine m = p.startedMachine("org1-app");
    p.fly.updateMachine("org1-app", m.id(), config("registry.fly.io/app:v2"), false);
    assertThatThrownBy(m::start).isInstanceOf(PlatformException.class)
        .hasMessage("failed_precondition: machine getting replaced, refusing to start");
  }

  @Test
  void destroyingAStartedMachineWithoutForceIsRefused() {
    Machine m = p.startedMachine("org1-app");
    assertThatThrownBy(() -> m.destroy(false)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.kind()).isEqualTo(PlatformException.Kind.PRECONDITION);
      assertThat(e).hasMessage("failed_precondition: unable to destroy machine, not currently stopped, suspended, failed or created");
    });
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
  }

  @Test
  void forcedDestroyPassesThroughDestroyingAndIsReapedAfterTheReapDelay() {
    Machine m = p.startedMachine("org1-app");
    FakeProgram program = p.lastProgram();

    m.destroy(true);
    assertThat(m.state()).isEqualTo(MachineState.DESTROYING);
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.DESTROYED);
    assertThat(program.shutDown()).isTrue();
    assertThat(p.fly.machine("org1-app", m.id())).as("destroyed Machines linger until reaped").isSameAs(m);

    p.clock.advance(REAP);
    assertThatThrownBy(() -> p.fly.machine("org1-app", m.id())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.NOT_FOUND));
  }

  @Test
  void destroyingAStoppedMachineNeedsNoForce() {
    Machine m = p.startedMachine("org1-app");
    m.stop();
    p.clock.advance(STOP);
    m.destroy(false);
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.DESTROYED);
  }

  @Test
  void anAutoDestroyMachineIsDestroyedWhenItsMainProcessExits() {
    Machine m = p.createMachine("org1-app", config(APP_IMAGE).put("auto_destroy", true));
    p.clock.advance(BOOT);

    m.stop();
    p.clock.advance(STOP);
    assertThat(m.state()).isEqualTo(MachineState.DESTROYED);
    p.clock.advance(REAP);
    assertThat(p.fly.machines("org1-app", true)).isEmpty();
  }

  @Test
  void killMidBootEndsStoppedAndTheStaleBootCompletionIsIgnored() {
    Machine m = p.createMachine("org1-app", config(APP_IMAGE));
    p.clock.advance(BOOT.dividedBy(2));

    m.kill("OOM");
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(p.programs).as("the cancelled boot never ran a program").isEmpty();
    assertThat(m.events().get(0)).extracting(MachineEvent::type, MachineEvent::status, MachineEvent::exitCode)
        .containsExactly("exit", "killed", 137);
  }

  @Test
  void killWhileTheProgramIsBootingShutsTheLateProgramDown() {
    Machine m = p.createMachine("org1-app", config("registry.fly.io/hook:v1"));
    p.duringBoot = rt -> m.kill("crash during boot");

    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(m.runningProgram()).isNull();
    assertThat(p.lastProgram().shutDown()).as("the program whose boot finished too late is shut down").isTrue();
  }

  @Test
  void killMidBootOfAnAutoDestroyMachineDestroysIt() {
    Machine m = p.createMachine("org1-app", config(APP_IMAGE).put("auto_destroy", true));
    m.kill("OOM");
    assertThat(m.state()).isEqualTo(MachineState.DESTROYED);
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.DESTROYED);
  }

  @Test
  void killLogsTheSignalAsAnErrorLine() {
    Machine m = p.startedMachine("org1-app");
    m.kill("OOM");
    assertThat(p.fly.logs("org1-app", null, m.id(), 100)).anySatisfy(e -> {
      assertThat(e.level()).isEqualTo("error");
      assertThat(e.message()).contains("SIGKILL").contains("OOM");
    });
  }

  @Test
  void killingAStoppedMachineChangesNothing() {
    Machine m = p.startedMachine("org1-app");
    m.stop();
    p.clock.advance(STOP);
    int events = m.events().size();

    m.kill("already gone");
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(m.events()).hasSize(events);
  }

  @Test
  void aBootThatThrowsEndsStoppedWithAnExitEventAndAnErrorLogLine() {
    Machine m = p.createMachine("org1-app", config("registry.fly.io/crash:v1"));
    p.clock.advance(BOOT);

    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(p.lastProgram().shutDown()).isTrue();
    assertThat(m.events().get(0)).extracting(MachineEvent::type, MachineEvent::status, MachineEvent::source, MachineEvent::exitCode)
        .containsExactly("exit", "stopped", "flyd", 1);
    assertThat(p.fly.logs("org1-app", null, m.id(), 100)).anySatisfy(e -> {
      assertThat(e.level()).isEqualTo("error");
      assertThat(e.message()).isEqualTo("Error: main process exited: Missing CLERK_SECRET_KEY in environment");
    });
  }

  @Test
  void theMachineIsStartedOnlyOnceItsProgramIsReady() {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    p.fly.images().register("slow", ref -> new MachineProgram() {
      @Override
      public CompletionStage<Void> ready() {
        return ready;
      }
    });
    Machine m = p.createMachine("org1-app", config("registry.fly.io/slow:v1"));
    p.clock.advance(BOOT.multipliedBy(3));
    assertThat(m.state()).isEqualTo(MachineState.STARTING);
    assertThat(m.runningProgram()).isNull();

    ready.complete(null);
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
  }

  @Test
  void aProgramThatNeverGetsReadyEndsTheBootLikeACrash() {
    p.fly.images().register("slow", ref -> new MachineProgram() {
      @Override
      public CompletionStage<Void> ready() {
        return CompletableFuture.failedFuture(new IllegalStateException("nothing listens on http://127.0.0.1:1"));
      }
    });
    Machine m = p.createMachine("org1-app", config("registry.fly.io/slow:v1"));
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(m.events().get(0).exitCode()).isEqualTo(1);
    assertThat(p.fly.logs("org1-app", null, m.id(), 100)).extracting(LogEntry::message)
        .contains("Error: main process exited: nothing listens on http://127.0.0.1:1");
  }

  @Test
  void anImageWhoseProgramCannotBeBuiltEndsStoppedInsteadOfHangingInStarting() {
    p.fly.images().register("broken", ref -> {
      throw new IllegalStateException("image config unreadable");
    });
    Machine m = p.createMachine("org1-app", config("registry.fly.io/broken:v1"));
    p.clock.advance(BOOT);
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(m.events().get(0).exitCode()).isEqualTo(1);
  }

  @Test
  void eventsAreNewestFirstWithMillisecondTimestamps() {
    Machine m = p.createMachine("org1-app", config(APP_IMAGE));
    long createdAt = p.clock.now().toEpochMilli();
    p.clock.advance(BOOT);

    assertThat(m.events()).extracting(MachineEvent::type).containsExactly("start", "launch");
    assertThat(m.events().get(0).timestamp()).isEqualTo(createdAt + BOOT.toMillis());
    assertThat(m.events().get(1).timestamp()).isEqualTo(createdAt);
  }

  @Test
  void updatedAtFollowsEveryTransition() {
    Machine m = p.startedMachine("org1-app");
    assertThat(m.updatedAt()).isEqualTo(m.createdAt().plus(BOOT));
    m.stop();
    p.clock.advance(STOP);
    assertThat(m.updatedAt()).isEqualTo(m.createdAt().plus(BOOT).plus(STOP));
  }
}
