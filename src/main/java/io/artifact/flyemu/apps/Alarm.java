package io.artifact.flyemu.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where an app's alerts go. The documented shape (E2E.md FAULT-050 "verify alerts"; the suite's
 * choice, since the stack's docs name none) is one log line: the marker {@code ALERT}, a space,
 * and a JSON object whose {@code alert} field names the alert, e.g.
 * {@code ALERT {"alert":"nfs_unavailable","app":"org1-fly-router",...}}. Ops read it in
 * {@code fly logs}. The {@code defect-no-alert} image variants use {@link #silent()}.
 */
@FunctionalInterface
public interface Alarm {

  String MARKER = "ALERT";

  void raise(ObjectNode alert);

  /** An {@code ALERT <json>} line in the app's log, at error level. */
  static Alarm log(AppRuntime rt) {
    return alert -> rt.logError(MARKER + " " + alert);
  }

  /** Swallows every alert: what a stack without alerting does. */
  static Alarm silent() {
    return alert -> {};
  }
}
