package io.artifact.e2e.exec;

/** Exec answered a change notification with something other than 200: its status and body. */
public final class ExecRefused extends IllegalStateException {

  private final int status;

  public ExecRefused(String computer, int status, String body) {
    super("exec refused the change notification for " + computer + ": " + status + " " + body);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
