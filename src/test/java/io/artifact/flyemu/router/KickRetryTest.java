package io.artifact.flyemu.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.fly.RealScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KickRetryTest {

  final RealScheduler scheduler = new RealScheduler(1);
  final List<String> log = new CopyOnWriteArrayList<>();
  final List<Duration> timeouts = new ArrayList<>();

  @AfterEach
  void stop() {
    scheduler.close();
  }

  /** Fails with {@code status} the first {@code failures} kicks, then answers. */
  ExecPort exec(int failures, int status) {
    return new ExecPort() {
      @Override
      public void kick(String computer, Duration timeout) {
        timeouts.add(timeout);
        if (timeouts.size() <= failures) throw new ExecUnavailableException("Failed to kick exec app: connection reset", status);
      }

      @Override
      public void notify(String computer) {}
    };
  }

  KickRetry retry(ExecPort exec, Duration attemptTimeout) {
    return new KickRetry(exec, scheduler, log::add, 5, Duration.ofMillis(10), attemptTimeout);
  }

  @Test
  void aKickLostOnTheWayIsRetriedWithBackoffAndEachRetryIsLogged() {
    retry(exec(2, 0), Duration.ofMillis(300)).kick("c1", Duration.ofSeconds(5));

    assertThat(timeouts).hasSize(3).allMatch(t -> t.equals(Duration.ofMillis(300)));
    assertThat(log).hasSize(3);
    assertThat(log.get(0)).contains("attempt 1/5").contains("retrying in 10 ms");
    assertThat(log.get(1)).contains("attempt 2/5").contains("retrying in 20 ms");
    assertThat(log.get(2)).isEqualTo("kick to exec for c1 got through on attempt 3");
  }

  @Test
  void whenNoAttemptGetsThroughTheAnswerIsAClear503() {
    assertThatThrownBy(() -> retry(exec(99, 502), null).kick("c1", Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(ExecUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageStartingWith("exec unreachable: kick for c1 failed 5 time(s) in ").hasMessageEndingWith("retry shortly");
    assertThat(timeouts).hasSize(5);
  }

  @Test
  void theRetriesStayInsideTheCallersBound() {
    assertThatThrownBy(() -> retry(exec(99, 0), null).kick("c1", Duration.ofMillis(25)))
        .isInstanceOfSatisfying(ExecUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    // 25 ms leave room for the first backoff (10 ms) but not the second (20 ms)
    assertThat(timeouts).hasSize(2).allMatch(t -> t.compareTo(Duration.ofMillis(25)) <= 0);
  }

  @Test
  void execsOwnRefusalIsNotRetried() {
    assertThatThrownBy(() -> retry(exec(99, 500), null).kick("c1", Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(ExecUnavailableException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(timeouts).hasSize(1);
    assertThat(log).isEmpty();
  }
}
