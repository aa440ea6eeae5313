package io.artifact.e2e.fly;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way the Fly adapter retries a transient answer (408, 429, 5xx, an unreachable API, a 404
 * right after a create; fly-facts.md §1, §10): exponential backoff with jitter, at least what
 * {@code Retry-After} asks, all inside one bound ({@code timeouts.api-retry}) that opens at the
 * first failure. Re-sending at once would hammer a real org that is already saying "slow down"
 * (1 req/s per action and Machine). When the bound is spent, the last failure is thrown with the
 * endpoint, its status, the number of tries and the time taken. The pauses are Awaitility polls.
 */
public final class RetryPolicy {

  /** What one try gave: a value, or a transient failure to retry after at least {@code atLeast}. */
  public sealed interface Attempt<T> {
    record Done<T>(T value) implements Attempt<T> {}

    /** {@code immediate}: the failure already waited server-side (a /wait that timed out), so no pause. */
    record Again<T>(FlyApiException failure, String endpoint, Optional<Duration> retryAfter, boolean immediate) implements Attempt<T> {}
  }

  private final Duration bound;
  private final Duration first;
  private final Duration cap;
  /** Slack for the single slow call Awaitility must never cut short (the bound is enforced between tries). */
  private final Duration callTimeout;

  RetryPolicy(Duration bound, Duration first, Duration cap, Duration callTimeout) {
    this.bound = bound;
    this.first = first;
    this.cap = cap;
    this.callTimeout = callTimeout;
  }

  /** flyctl backs off 0.5–2 s between Machines API retries (fly-facts.md §4.1); a local bound of 3 s gets 4–5 tries. */
  public static RetryPolicy within(Duration bound, Duration callTimeout) {
    return new RetryPolicy(bound, Duration.ofMillis(250), Duration.ofSeconds(2), callTimeout);
  }

  public Duration bound() {
    return bound;
  }

  /** Runs {@code attempt} until it is done, or throws the last failure once the next pause would overrun the bound. */
  public <T> T run(String operation, Supplier<Attempt<T>> attempt) {
    return run(operation, bound, false, attempt);
  }

  /**
   * The same with another bound: a Machine wait is bounded by its own deadline, counted from the
   * start ({@code fromStart}) rather than from the first failure.
   */
  public <T> T run(String operation, Duration within, boolean fromStart, Supplier<Attempt<T>> attempt) {
    AtomicReference<Instant> deadline = new AtomicReference<>(fromStart ? Instant.now().plus(within) : null);
    AtomicReference<Duration> pause = new AtomicReference<>(Duration.ZERO);
    AtomicInteger tries = new AtomicInteger();
    Instant began = Instant.now();
    try {
      return Awaitility.await(operation).pollInSameThread().atMost(within.plus(callTimeout).plus(cap))
          .pollDelay(Duration.ZERO).pollInterval((count, previous) -> pause.get())
          .until(() -> {
            Attempt<T> a = attempt.get();
            int n = tries.incrementAndGet();
            if (a instanceof Attempt.Done<T> done) return Optional.of(done.value());
            Attempt.Again<T> again = (Attempt.Again<T>) a;
            deadline.compareAndSet(null, Instant.now().plus(within));
            Duration next = again.immediate() ? Duration.ZERO : delay(n, again.retryAfter());
            if (Instant.now().plus(next).isAfter(deadline.get())) throw giveUp(again, n, began, within);
            pause.set(next);
            return Optional.<T>empty();
          }, Optional::isPresent).orElseThrow();
    } catch (ConditionTimeoutException e) { // a call hung past every bound: still one line naming the endpoint
      throw new FlyApiException(operation + " did not answer within " + within.plus(callTimeout).toMillis() + " ms", null, null, 0,
          "no response");
    }
  }

  /** Exponential from {@code first}, capped, with equal jitter (half fixed, half random); never less than Retry-After. */
  Duration delay(int attempt, Optional<Duration> retryAfter) {
    long exp = first.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    long ceiling = Math.min(cap.toMillis(), exp);
    long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    Duration backoff = Duration.ofMillis(jittered);
    return retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
  }

  /** {@code Retry-After} as seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
  public static Optional<Duration> retryAfter(Optional<String> header) {
    return header.map(String::strip).flatMap(h -> {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(h))));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = java.time.ZonedDateTime.parse(h, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration d = Duration.between(Instant.now(), at);
          return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (java.time.format.DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    });
  }

  private static FlyApiException giveUp(Attempt.Again<?> last, int tries, Instant began, Duration within) {
    return last.failure().gaveUp(last.endpoint() + ", gave up after " + tries + (tries == 1 ? " try" : " tries") + " in "
        + Duration.between(began, Instant.now()).toMillis() + " ms of a " + within.toMillis() + " ms retry bound");
  }
}
