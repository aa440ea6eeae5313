package io.artifact.e2e.config;

/**
 * Bad configuration: one line that names what is wrong and where (profile, file, key, variable).
 * It carries no stack trace on purpose — the message is the whole story for the user.
 */
public final class ProfileException extends RuntimeException {

  public ProfileException(String message) {
    super(message, null, false, false);
  }
}
