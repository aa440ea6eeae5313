package io.artifact.e2e.fly;

/**
 * A Fly API call that failed: which operation, on which app and Machine, with Fly's status and
 * error text, e.g. "stop Machine 3d8d… in org1-fly-router: 412 failed_precondition: …".
 */
public final class FlyApiException extends RuntimeException {

  private final int status;

  public FlyApiException(String operation, String app, String machineId, int status, String error) {
    this(operation + (machineId == null ? "" : " Machine " + machineId) + (app == null ? "" : " in app " + app)
        + " failed: " + (status > 0 ? status + " " : "") + error, status);
  }

  private FlyApiException(String message, int status) {
    super(message);
    this.status = status;
  }

  /**
   * A failure reported by flyctl rather than by the API: the message is flyctl's (the command line,
   * its exit and first stderr line); {@code status} is the API status its error text stands for.
   */
  public static FlyApiException fromFlyctl(String operation, String app, String machineId, int status, String flyctlMessage) {
    return new FlyApiException(operation + (machineId == null ? "" : " Machine " + machineId) + (app == null ? "" : " in app " + app)
        + " failed: " + flyctlMessage, status);
  }

  /** The same failure, saying why it is final (endpoint, tries, time spent). */
  FlyApiException gaveUp(String detail) {
    return new FlyApiException(getMessage() + " (" + detail + ")", status);
  }

  public int status() {
    return status;
  }

  /** Fly's transient answers, retried with a bound (fly-facts.md §5.1, §10). */
  public boolean transientFailure() {
    return status == 408 || status == 429 || status >= 500 || status == 0;
  }
}
