package io.artifact.flyemu.clerk;

/** A refusal of the local Clerk's domain; mapped to Clerk's status codes and error codes once, in {@link BackendApi}. */
public final class ClerkException extends RuntimeException {

  public enum Kind { NOT_FOUND, IDENTIFIER_EXISTS, FORM_DATA_MISSING, INVALID_REQUEST }

  private final Kind kind;
  private final String param;

  public ClerkException(Kind kind, String param, String message) {
    super(message);
    this.kind = kind;
    this.param = param;
  }

  public Kind kind() {
    return kind;
  }

  /** The request parameter concerned, or null. */
  public String param() {
    return param;
  }
}
