package io.artifact.flyemu.router;

import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.Instance;
import java.util.Optional;

/** Defect {@code defect-wrong-instance}: another agent's Machine, or an id nobody has. */
final class WrongInstance {

  private WrongInstance() {}

  static String other(ComputerStore store, String machineId) {
    for (String c : store.computers()) {
      for (String a : store.instances().agents(c)) {
        Optional<String> other = store.instances().read(c, a).map(Instance::machineId).filter(id -> !id.equals(machineId));
        if (other.isPresent()) return other.get();
      }
    }
    return new StringBuilder(machineId).reverse().toString();
  }
}
