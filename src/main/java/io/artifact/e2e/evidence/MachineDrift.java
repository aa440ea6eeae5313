package io.artifact.e2e.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two snapshots of the same Machines (Fly's JSON, one Machine or a list):
 * Machines added, removed, and those whose state or image changed — the drift an ops person looks
 * for between "before" and "after", readable without diffing two JSON files by eye.
 */
public final class MachineDrift {

  private MachineDrift() {}

  public static String describe(String subject, String fromLabel, JsonNode before, String toLabel, JsonNode after) {
    Map<String, JsonNode> was = byId(before);
    Map<String, JsonNode> now = byId(after);
    List<String> lines = new ArrayList<>();
    now.forEach((id, m) -> {
      if (!was.containsKey(id)) lines.add("+ added    " + id + " " + summary(m));
    });
    was.forEach((id, m) -> {
      if (!now.containsKey(id)) lines.add("- removed  " + id + " " + summary(m));
    });
    int unchanged = 0;
    for (Map.Entry<String, JsonNode> e : now.entrySet()) {
      JsonNode old = was.get(e.getKey());
      if (old == null) continue;
      List<String> changes = new ArrayList<>();
      for (String field : List.of("state", "config.image")) {
        String a = text(old, field);
        String b = text(e.getValue(), field);
        if (!a.equals(b)) changes.add(field.replace("config.", "") + " " + a + " -> " + b);
      }
      if (changes.isEmpty()) unchanged++;
      else lines.add("~ changed  " + e.getKey() + " " + String.join(", ", changes));
    }
    StringBuilder sb = new StringBuilder(subject + ": from '" + fromLabel + "' to '" + toLabel + "': " + (lines.isEmpty() ? "no change" : lines.size() + " change(s)")
        + ", " + unchanged + " Machine(s) unchanged\n");
    lines.forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  private static Map<String, JsonNode> byId(JsonNode snapshot) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (snapshot == null) return out;
    if (snapshot.isArray()) snapshot.forEach(m -> out.put(m.path("id").asText(), m));
    else if (snapshot.isObject()) out.put(snapshot.path("id").asText(), snapshot);
    return out;
  }

  private static String summary(JsonNode m) {
    return "(" + text(m, "state") + ", " + text(m, "config.image") + ")";
  }

  private static String text(JsonNode m, String path) {
    JsonNode n = m;
    for (String part : path.split("\\.")) n = n.path(part);
    return n.isMissingNode() || n.isNull() ? "?" : n.asText();
  }
}
