package io.artifact.flyemu.mcp.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Alerts raised by the control plane, readable through the emulator's admin surface. */
public final class Alerts {

  private static final int CAPACITY = 1000;

  private final List<Alert> alerts = new CopyOnWriteArrayList<>();

  public void raise(Alert a) {
    alerts.add(a);
    while (alerts.size() > CAPACITY) alerts.remove(0);
  }

  /** Alerts for one org (all when blank), oldest first. */
  public List<Alert> forOrg(String org) {
    return alerts.stream().filter(a -> org == null || org.isBlank() || a.org().equals(org)).toList();
  }
}
