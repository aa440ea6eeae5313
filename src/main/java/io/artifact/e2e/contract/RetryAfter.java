package io.artifact.e2e.contract;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 9110 §10.2.3: {@code Retry-After = HTTP-date / delay-seconds}. */
public final class RetryAfter {

  private RetryAfter() {}

  public static boolean valid(String value) {
    String v = value.trim();
    if (v.matches("\\d+")) return true;
    try {
      ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
