package io.artifact.flyemu.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One named toxic on a {@link FaultProxy}, in Toxiproxy's model: {@code type} ({@code latency},
 * {@code timeout}, {@code reset_peer}), {@code stream} ({@code upstream} = client→server,
 * {@code downstream} = server→client), {@code toxicity} (the fraction of connections it affects)
 * and numeric {@code attributes} in milliseconds ({@code latency}, {@code jitter}, {@code timeout}).
 *
 * <p>Unlike Toxiproxy, the fraction is spread evenly rather than drawn at random — 2/3 hits
 * connections 1, 2, 4, 5, 7… of those the toxic has seen — so a scenario's outcome does not hang on
 * luck. Each request through the proxy counts as one connection.
 */
public record Toxic(String name, String type, String stream, double toxicity, Map<String, Long> attributes) {

  public static final Set<String> TYPES = Set.of("latency", "timeout", "reset_peer");

  public Toxic {
    if (!TYPES.contains(type)) throw new IllegalArgumentException("unknown toxic type '" + type + "'; this proxy knows " + TYPES);
    if (!stream.equals("upstream") && !stream.equals("downstream")) {
      throw new IllegalArgumentException("stream must be upstream or downstream, not '" + stream + "'");
    }
    if (toxicity < 0 || toxicity > 1) throw new IllegalArgumentException("toxicity must be between 0 and 1, not " + toxicity);
    attributes = Map.copyOf(attributes);
    if (name == null || name.isBlank()) name = type + "_" + stream;
  }

  /** Does the toxic hit the {@code index}-th connection (0-based) it has seen? Evenly spread, first one hit. */
  public boolean hits(long index) {
    return Math.ceil((index + 1) * toxicity - 1e-9) > Math.ceil(index * toxicity - 1e-9);
  }

  public long attribute(String key) {
    return attributes.getOrDefault(key, 0L);
  }

  public Map<String, Object> asJson(long seen, long hit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", type);
    m.put("stream", stream);
    m.put("toxicity", toxicity);
    m.put("attributes", attributes);
    // not in Toxiproxy: what the toxic did, the evidence a scenario judges retries by
    m.put("e2e_connections_seen", seen);
    m.put("e2e_connections_hit", hit);
    return m;
  }
}
