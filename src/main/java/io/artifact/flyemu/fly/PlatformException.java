package io.artifact.flyemu.fly;

/**
 * A domain failure of the embedded platform. The kind says what went wrong; the Machines API
 * layer maps kinds to Fly's status codes in one place ({@code stack.fly.api.FlyApiErrors}).
 */
public final class PlatformException extends RuntimeException {

  public enum Kind { NOT_FOUND, INVALID, UNAUTHORIZED, CONFLICT, PRECONDITION, TIMEOUT, UNPROCESSABLE }

  private final Kind kind;

  public PlatformException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static PlatformException notFound(String message) {
    return new PlatformException(Kind.NOT_FOUND, message);
  }

  public static PlatformException invalid(String message) {
    return new PlatformException(Kind.INVALID, message);
  }

  public static PlatformException precondition(String message) {
    return new PlatformException(Kind.PRECONDITION, message);
  }

  public static PlatformException conflict(String message) {
    return new PlatformException(Kind.CONFLICT, message);
  }

  public static PlatformException timeout(String message) {
    return new PlatformException(Kind.TIMEOUT, message);
  }

  public static PlatformException unprocessable(String message) {
    return new PlatformException(Kind.UNPROCESSABLE, message);
  }
}
