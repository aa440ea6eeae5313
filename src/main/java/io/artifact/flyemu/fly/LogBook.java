package io.artifact.flyemu.fly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An app's recent log lines, bounded so nothing grows without limit. */
public final class LogBook {

  private final int capacity;
  private final Deque<LogEntry> entries = new ArrayDeque<>();
  private final AtomicLong seq = new AtomicLong();

  public LogBook(int capacity) {
    this.capacity = capacity;
  }

  public synchronized LogEntry append(Instant at, String instance, String region, String level, String message) {
    LogEntry e = new LogEntry(Long.toString(seq.incrementAndGet()), at, instance, region, level, message);
    entries.addLast(e);
    while (entries.size() > capacity) entries.removeFirst();
    return e;
  }

  /** Entries after {@code afterId} (exclusive; null = from the start), optionally one instance, at most {@code limit}. */
  public synchronized List<LogEntry> read(String afterId, String instance, int limit) {
    long after = afterId == null || afterId.isBlank() ? 0 : parse(afterId);
    List<LogEntry> out = new ArrayList<>();
    for (LogEntry e : entries) {
      if (Long.parseLong(e.id()) <= after) continue;
      if (instance != null && !instance.isBlank() && !instance.equals(e.instance())) continue;
      out.add(e);
      if (out.size() >= limit) break;
    }
    return out;
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw PlatformException.invalid("invalid_argument: next_token '" + id + "' is not a log cursor");
    }
  }
}
