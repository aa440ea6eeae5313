package io.artifact.e2e.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.artifact.e2e.evidence.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON-RPC message exchanged with the control plane, in order, redacted as it is captured
 * (tokens, secret values, secret shapes), for the scenario's MCP transcript attachment.
 */
public final class McpTranscript {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One captured message: {@code sent}, {@code received} or {@code http} (a refusal before MCP). */
  public record Entry(Instant at, String direction, String json) {}

  private final Redactor redactor;
  private final List<Entry> entries = new ArrayList<>();

  public McpTranscript(Redactor redactor) {
    this.redactor = redactor;
  }

  public synchronized void add(String direction, String json) {
    entries.add(new Entry(Instant.now(), direction, redactor.redact(json)));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The transcript as a JSON array of {@code {at, direction, message}}. */
  public synchronized String asJson() {
    ArrayNode arr = JSON.createArrayNode();
    for (Entry e : entries) {
      JsonNode message;
      try {
        message = JSON.readTree(e.json());
      } catch (Exception ex) {
        message = JSON.getNodeFactory().textNode(e.json());
      }
      arr.addObject().put("at", e.at().toString()).put("direction", e.direction()).set("message", message);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }
}
