package io.artifact.e2e.mcp;

/** One line of the control plane's audit trail. */
public record AuditRecord(String app, String user, String tool, String paramsHash, String outcome, String at) {

  public boolean ok() {
    return "ok".equals(outcome);
  }
}
