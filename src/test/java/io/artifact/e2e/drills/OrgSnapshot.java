package io.artifact.e2e.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.e2e.nfs.LocalNfs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What ops would compare before and after a run on their staging org: every app of the org; per app
 * its Machines (id, name, state, region, image, whole config), secrets by digest, volumes and
 * certificates; and the computers and instance files on the shared volume. One line per fact, so a difference
 * names exactly what changed.
 */
record OrgSnapshot(Map<String, String> facts) {

  private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  static OrgSnapshot take(OrgApi api, Path share) {
    Map<String, String> f = new TreeMap<>();
    for (JsonNode app : api.apps()) {
      String name = app.path("name").asText();
      f.put("app " + name, "exists");
      for (JsonNode m : api.machines(name)) {
        String at = "app " + name + " machine " + m.path("id").asText();
        f.put(at, m.path("state").asText() + " " + m.path("name").asText() + " " + m.path("region").asText() + " "
            + m.path("config").path("image").asText());
        f.put(at + " config", canonical(m.path("config")));
      }
      for (JsonNode s : api.secrets(name)) f.put("app " + name + " secret " + s.path("name").asText(), s.path("digest").asText());
      for (JsonNode v : api.volumes(name)) {
        f.put("app " + name + " volume " + v.path("id").asText(), v.path("name").asText() + " " + v.path("state").asText() + " "
            + v.path("size_gb").asText() + "GB attached to " + v.path("attached_machine_id").asText("nothing"));
      }
      for (JsonNode c : api.certificates(name)) f.put("app " + name + " certificate " + c.path("hostname").asText(), c.path("status").asText());
    }
    LocalNfs nfs = new LocalNfs(() -> share);
    for (String computer : nfs.computers()) {
      f.put("share computer " + computer, "exists");
      for (String agent : nfs.instances(computer)) {
        f.put("share instance " + computer + "/" + agent, nfs.readInstance(computer, agent).map(i -> i.summary()).orElse("unreadable"));
      }
    }
    return new OrgSnapshot(f);
  }

  /** Every fact that is new, gone or changed in {@code after}, one line each. */
  List<String> differences(OrgSnapshot after) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(facts.keySet());
    keys.addAll(after.facts.keySet());
    for (String k : keys) {
      String was = facts.get(k);
      String now = after.facts.get(k);
      if (was == null) out.add("new:     " + k + " = " + now);
      else if (now == null) out.add("gone:    " + k + " (was " + was + ")");
      else if (!was.equals(now)) out.add("changed: " + k + ": " + was + " → " + now);
    }
    return out;
  }

  private static String canonical(JsonNode config) {
    try {
      return CANONICAL.writeValueAsString(CANONICAL.treeToValue(config instanceof ObjectNode o ? o : CANONICAL.createObjectNode(), Object.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
