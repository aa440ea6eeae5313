package io.artifact.e2e.nfs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches one instance file and keeps every distinct state it was seen in, with the time since
 * the watch began: the "instance file history" attached to exec scenarios. Polls on its own
 * daemon thread; closed through the cleanup ledger.
 */
public final class InstanceHistory implements AutoCloseable {

  /** One observed state; {@code file} empty means the file did not exist. */
  public record Entry(Duration at, Optional<InstanceFile> file) {
    public String line() {
      return String.format("+%5d ms  %s", at.toMillis(), file.map(InstanceFile::summary).orElse("(no file)"));
    }
  }

  private final NfsPort nfs;
  private final String computer;
  private final String agent;
  private final Instant began = Instant.now();
  private final List<Entry> entries = new ArrayList<>();
  private final ScheduledExecutorService timer;
  private volatile String lastError;

  public InstanceHistory(NfsPort nfs, String computer, String agent, Duration interval) {
    this.nfs = nfs;
    this.computer = computer;
    this.agent = agent;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "instance-history-" + computer + "-" + agent);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void look() {
    try {
      Optional<InstanceFile> now = nfs.readInstance(computer, agent);
      synchronized (this) {
        if (entries.isEmpty() || !Objects.equals(entries.get(entries.size() - 1).file(), now)) {
          entries.add(new Entry(Duration.between(began, Instant.now()), now));
        }
      }
    } catch (RuntimeException e) {
      lastError = e.getMessage();
    }
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The hardware states in order of appearance ("absent" for no file), consecutive repeats merged. */
  public synchronized List<String> hardwareSequence() {
    List<String> seq = new ArrayList<>();
    for (Entry e : entries) {
      String h = e.file().map(InstanceFile::hardware).orElse("absent");
      if (seq.isEmpty() || !seq.get(seq.size() - 1).equals(h)) seq.add(h);
    }
    return seq;
  }

  /** Distinct Machine ids the file named, in order. */
  public synchronized List<String> machineIds() {
    return entries.stream().map(e -> e.file().map(InstanceFile::machineId).orElse(null)).filter(Objects::nonNull).distinct().toList();
  }

  public String report() {
    StringBuilder sb = new StringBuilder("instance file " + computer + "/exec/" + agent + ".json\n");
    entries().forEach(e -> sb.append(e.line()).append('\n'));
    if (lastError != null) sb.append("last read error: ").append(lastError).append('\n');
    return sb.toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
