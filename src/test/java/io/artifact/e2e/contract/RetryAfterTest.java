package io.artifact.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void delaySecondsAndHttpDatesAreDelaysAnythingElseIsNot() {
    assertThat(RetryAfter.valid("1")).isTrue();
    assertThat(RetryAfter.valid("120")).isTrue();
    assertThat(RetryAfter.valid("Wed, 21 Oct 2015 07:28:00 GMT")).isTrue();
    assertThat(RetryAfter.valid("1.5")).isFalse();
    assertThat(RetryAfter.valid("-1")).isFalse();
    assertThat(RetryAfter.valid("soon")).isFalse();
    assertThat(RetryAfter.valid("")).isFalse();
  }
}
