package io.artifact.flyemu.mcp.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The control plane's audit trail, bounded so a long-running stack does not grow without limit. */
public final class AuditLog {

  private final int capacity;
  private final Deque<AuditEntry> entries = new ArrayDeque<>();

  public AuditLog(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void record(AuditEntry e) {
    entries.addLast(e);
    while (entries.size() > capacity) entries.removeFirst();
  }

  /** Entries whose app starts with {@code appPrefix} (all when blank), oldest first. */
  public synchronized List<AuditEntry> entries(String appPrefix) {
    List<AuditEntry> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      if (appPrefix == null || appPrefix.isBlank() || e.app().startsWith(appPrefix)) out.add(e);
    }
    return out;
  }
}
