package io.artifact.e2e.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's manifest (runbook Phase 1): what it ran against and with which inputs — org
 * slice, app names, images, Machines it targeted, apps it ensured, agent bundle digests — plus what it
 * created, changed and how teardown ended. Attached to the report, archived under
 * {@code target-reports/e2e/<timestamp>/} and written to {@code artifacts/e2e/<timestamp>-<slice>.json}
 * (schema: {@code src/main/resources/schema/scenario-manifest.schema.json}).
 */
public final class ScenarioManifest {

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> ensured = new ArrayList<>();
  private final List<String> mutations = new ArrayList<>();
  private final List<String> created = new ArrayList<>();
  private final java.util.Set<String> workerMachines = new java.util.LinkedHashSet<>();

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

  /** A resource the scenario created, in creation order ({@code app X}, {@code volume V of X}, {@code Machine M of X}). */
  public synchronized void created(String what) {
    created.add(what);
  }

  /** Worker Machines the scenario targeted (observed in the worker pool for its computers). */
  public synchronized void workerMachines(java.util.Collection<String> ids) {
    workerMachines.addAll(ids);
  }

  public synchronized Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>(fields);
    m.put("ensured", List.copyOf(ensured));
    m.put("mutations", List.copyOf(mutations));
    m.put("created", List.copyOf(created));
    m.put("worker_machines", List.copyOf(workerMachines));
    return m;
  }
}
