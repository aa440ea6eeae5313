package io.artifact.e2e.fly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backoff's arithmetic: doubling from the first pause, capped, equal jitter, Retry-After as a floor. */
class RetryPolicyTest {

  final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(1));

  @Test
  void pausesDoubleWithJitterUpToTheCap() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.delay(1, Optional.empty())).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(policy.delay(3, Optional.empty())).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
      assertThat(policy.delay(30, Optional.empty())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void retryAfterIsAFloorNotACeiling() {
    assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delay(30, Optional.of(Duration.ZERO))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterReadsSecondsAndHttpDatesAndIgnoresGarbage() {
    assertThat(RetryPolicy.retryAfter(Optional.of(" 7 "))).hasValue(Duration.ofSeconds(7));
    String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5));
    assertThat(RetryPolicy.retryAfter(Optional.of(inFiveSeconds))).get().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5)));
    assertThat(RetryPolicy.retryAfter(Optional.of("soon"))).isEmpty();
    assertThat(RetryPolicy.retryAfter(Optional.empty())).isEmpty();
  }
}
