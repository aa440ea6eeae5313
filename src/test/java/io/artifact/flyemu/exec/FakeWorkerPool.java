package io.artifact.flyemu.exec;

import io.artifact.flyemu.nfs.ImageRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory worker pool that records what exec asked of it. */
final class FakeWorkerPool implements WorkerPool {

  final Map<String, String> states = new LinkedHashMap<>();
  final List<String> created = new ArrayList<>();
  final List<String> destroyed = new ArrayList<>();
  boolean failCreate;

  final List<String> startedAgain = new ArrayList<>();

  @Override
  public synchronized Set<String> machineIds() {
    return Set.copyOf(states.keySet());
  }

  @Override
  public synchronized Map<String, String> machineStates() {
    return Map.copyOf(states);
  }

  @Override
  public synchronized void start(String machineId) {
    if (!states.containsKey(machineId)) throw new FlyApiException("POST machines/" + machineId + "/start: 404 not found");
    startedAgain.add(machineId);
    states.put(machineId, "started");
  }

  @Override
  public synchronized String create(String computer, ImageRecord record) {
    if (failCreate) throw new FlyApiException("POST machines: 422 capacity");
    String id = "machine-" + (created.size() + 1);
    created.add(id);
    states.put(id, "started");
    return id;
  }

  @Override
  public synchronized void destroy(String machineId) {
    destroyed.add(machineId);
    states.remove(machineId);
  }

  @Override
  public synchronized Optional<String> state(String machineId) {
    return Optional.ofNullable(states.get(machineId));
  }
}
