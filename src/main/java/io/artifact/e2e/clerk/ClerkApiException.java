package io.artifact.e2e.clerk;

/** The Backend API refused a call or could not be reached; the message names the endpoint and Clerk's error code. */
public final class ClerkApiException extends RuntimeException {

  private final int status;
  private final String code;

  ClerkApiException(String endpoint, int status, String code, String message) {
    super("Clerk Backend API " + endpoint + " answered " + status + (code == null ? "" : " " + code) + ": " + message);
    this.status = status;
    this.code = code;
  }

  ClerkApiException(String endpoint, String failure) {
    super("Clerk Backend API " + endpoint + " could not be reached: " + failure);
    this.status = 0;
    this.code = null;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** Clerk's error code ({@code clerk_key_invalid}, {@code resource_not_found}, …), or null. */
  public String code() {
    return code;
  }
}
