package io.artifact.e2e.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a scenario shows an ops person to believe its verdict: Machine snapshots, log excerpts,
 * probe exchanges, MCP transcripts, the manifest. Everything is redacted before it is kept, then
 * handed to the sink (the Cucumber report) and remembered for the run archive.
 */
public final class Evidence {

  /** One recorded item. */
  public record Attachment(String name, String mediaType, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .findAndRegisterModules();

  private final Redactor redactor;
  private final List<Attachment> items = new ArrayList<>();
  private final Map<String, List<String>> logs = new LinkedHashMap<>();
  private final Map<String, Map.Entry<String, JsonNode>> snapshots = new LinkedHashMap<>();
  private volatile Consumer<Attachment> sink = a -> {};

  public Evidence(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Where attachments go as they are recorded (the running scenario). */
  public void sink(Consumer<Attachment> sink) {
    this.sink = sink;
  }

  public Redactor redactor() {
    return redactor;
  }

  public void text(String name, String text) {
    add(new Attachment(name, "text/plain", redactor.redact(text).getBytes(StandardCharsets.UTF_8)));
  }

  public void json(String name, Object value) {
    String raw;
    try {
      raw = value instanceof String s ? s : JSON.writeValueAsString(value);
    } catch (Exception e) {
      raw = String.valueOf(value);
    }
    add(new Attachment(name, "application/json", redactor.redact(raw).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A snapshot of Machines as Fly reports them ({@code <subject>-<label>.json}); from the second
   * snapshot of the same subject on, a readable diff against the one before
   * ({@code <subject>-<label>.diff.txt}: added, removed, changed state or image) right after it.
   */
  public void machines(String subject, String label, Object snapshot) {
    JsonNode now = JSON.valueToTree(snapshot);
    json(subject + "-" + label + ".json", now);
    Map.Entry<String, JsonNode> before;
    synchronized (this) {
      before = snapshots.put(subject, Map.entry(label, now));
    }
    if (before != null) text(subject + "-" + label + ".diff.txt", MachineDrift.describe(subject, before.getKey(), before.getValue(), label, now));
  }

  /**
   * Appends a line to a running log (API calls, transcripts), redacted now; each log becomes one
   * text attachment when {@link #flushLogs()} runs at the end of the scenario.
   */
  public synchronized void log(String name, String line) {
    logs.computeIfAbsent(name, k -> new ArrayList<>()).add(redactor.redact(line));
  }

  /** Attaches every running log as one text attachment each. */
  public void flushLogs() {
    Map<String, List<String>> snapshot;
    synchronized (this) {
      snapshot = new LinkedHashMap<>(logs);
      logs.clear();
    }
    snapshot.forEach((name, lines) -> text(name, String.join("\n", lines)));
  }

  public synchronized List<Attachment> all() {
    return List.copyOf(items);
  }

  private void add(Attachment a) {
    synchronized (this) {
      items.add(a);
    }
    sink.accept(a);
  }
}
