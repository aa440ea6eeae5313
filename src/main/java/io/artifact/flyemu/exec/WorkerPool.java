package io.artifact.flyemu.exec;

import io.artifact.flyemu.nfs.ImageRecord;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The worker-pool app as exec sees it through the Machines API (stack-contract.md §3.5). */
public interface WorkerPool {

  /** Ids of every Machine the API lists, whatever their state. */
  default Set<String> machineIds() {
    return machineStates().keySet();
  }

  /** Every Machine the API lists (one list call), id → state. */
  Map<String, String> machineStates();

  /** Starts a stopped Machine again (a cold boot: whatever it had loaded is gone). */
  void start(String machineId);

  /** Creates a worker Machine for the computer from the image record; returns its id. */
  String create(String computer, ImageRecord record);

  /** Destroys with force; a Machine that is already gone is not an error. */
  void destroy(String machineId);

  /** The Machine's state as the API reports it; empty once it is gone. */
  Optional<String> state(String machineId);
}
