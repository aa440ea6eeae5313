package io.artifact.flyemu.http;

/**
 * Thrown by a handler to end the client's connection with no answer at all — what a reset peer or
 * a timed-out link looks like to the caller (an I/O error, not a status code). Network faults only.
 */
public final class ConnectionAbort extends RuntimeException {

  public ConnectionAbort(String why) {
    super(why, null, false, false);
  }
}
