package io.artifact.e2e.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.pollinterval.PollInterval;
import org.junit.jupiter.api.Test;

class PollIntervalTest {

  private static List<Long> pauses(PollInterval p, int n) {
    List<Long> ms = new ArrayList<>();
    Duration previous = Duration.ZERO;
    for (int i = 1; i <= n; i++) ms.add((previous = p.next(i, previous)).toMillis());
    return ms;
  }

  @Test
  void pausesGrowByHalfFromTimeoutsPollUpToTimeoutsPollMax() {
    List<Long> ms = pauses(ScenarioWorld.pollInterval(Duration.ofMillis(20), Optional.of(Duration.ofMillis(250))), 10);
    assertThat(ms).startsWith(20L, 30L, 45L).endsWith(250L, 250L).isSorted();
    long checksIn10s = 0;
    for (long t = 0; t < 10_000; checksIn10s++) t += checksIn10s < ms.size() ? ms.get((int) checksIn10s) : 250;
    assertThat(checksIn10s).as("checks in a 10 s wait that runs to its bound").isLessThan(50);
  }

  @Test
  void withoutAMaximumOrWithOneBelowTheFirstPauseThePaceIsFixed() {
    assertThat(pauses(ScenarioWorld.pollInterval(Duration.ofSeconds(2), Optional.empty()), 4)).containsOnly(2000L);
    assertThat(pauses(ScenarioWorld.pollInterval(Duration.ofSeconds(2), Optional.of(Duration.ofMillis(250))), 4)).containsOnly(2000L);
  }
}
