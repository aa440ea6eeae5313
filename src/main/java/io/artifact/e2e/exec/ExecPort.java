package io.artifact.e2e.exec;

/**
 * Exec's change notification, reached over the org's private network as the router reaches it
 * ({@code POST http://<exec>.flycast/changed/<computer>}): on the embedded stack through its
 * private-network proxy, on Fly through WireGuard.
 */
public interface ExecPort {

  /** Notifies exec and waits for its reconcile pass; returns its {@code changeCount}. */
  int notifyChanged(String computer);
}
