package io.artifact.e2e.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's manifest (runbook Phase 1): what it ran against and with which inputs — org
 * slice, app names, images, Machines it targeted, apps it ensured — plus its outcome. Attached to
 * the report and archived under {@code target-reports/e2e/<timestamp>/}.
 */
public final class ScenarioManifest {

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> ensured = new ArrayList<>();
  private final List<String> mutations = new ArrayList<>();

  public synchronized ScenarioManifest put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public synchronized void ensured(String what) {
    ensured.add(what);
  }

  /** A change made to something the scenario did not create, with its prior state (runbook Phase 5: what to restore). */
  public synchronized void mutation(String what) {
    mutations.add(what);
  }

  public synchronized Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>(fields);
    m.put("ensured", List.copyOf(ensured));
    m.put("mutations", List.copyOf(mutations));
    return m;
  }
}
