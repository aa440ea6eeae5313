package io.artifact.e2e.strategy;

import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.world.OrgSlice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staging org's worker pool as the run found it ({@code fly machine list --json}, E2E.md staging
 * tear-down notes), and the recycle that puts it back: a Machine whose state the run changed gets a
 * targeted start or stop back to where it was (no other Machine is touched), a Machine the run left
 * behind with its label is destroyed, anything else new is left alone and reported.
 */
public final class WorkerPool {

  /** What one recycle did, by Machine. */
  public record Recycle(List<String> restarted, List<String> destroyed, List<String> leftAlone, List<String> gone) {
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      restarted.forEach(r -> out.add("restarted " + r));
      destroyed.forEach(r -> out.add("destroyed " + r));
      leftAlone.forEach(r -> out.add("left alone " + r));
      gone.forEach(r -> out.add("gone since the snapshot " + r));
      return out;
    }
  }

  private final String app;
  private final Map<String, String> states;

  private WorkerPool(String app, Map<String, String> states) {
    this.app = app;
    this.states = states;
  }

  public static WorkerPool snapshot(FlyPort fly, String app) {
    Map<String, String> states = new LinkedHashMap<>();
    fly.listMachines(app).stream().filter(m -> !gone(m)).forEach(m -> states.put(m.id(), m.state()));
    return new WorkerPool(app, states);
  }

  public Map<String, String> states() {
    return Map.copyOf(states);
  }

  /** Puts the pool back as the snapshot found it, for what this run ({@code runId}) changed or left. */
  public Recycle recycle(FlyPort fly, String runId, Duration bound) {
    List<String> restarted = new ArrayList<>();
    List<String> destroyed = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (MachineInfo m : fly.listMachines(app)) {
      if (gone(m)) continue;
      seen.add(m.id());
      String was = states.get(m.id());
      if (was == null) {
        if (runId.equals(m.metadata().get(OrgSlice.RUN_LABEL))) {
          fly.destroyMachine(app, m.id(), true);
          destroyed.add(m.id() + " (" + OrgSlice.RUN_LABEL + "=" + runId + ")");
        } else {
          leftAlone.add(m.id() + " (created during the run without " + OrgSlice.RUN_LABEL + "=" + runId + ")");
        }
        continue;
      }
      if (was.equals(m.state()) || transitional(m.state())) continue;
      boolean wasRunning = was.equals("started");
      try {
        if (wasRunning) fly.startMachine(app, m.id());
        else if (m.state().equals("started")) fly.stopMachine(app, m.id());
        else continue; // stopped vs suspended: both asleep, nothing to restart
        fly.awaitState(app, m.id(), wasRunning ? "started" : "stopped", bound);
        restarted.add(m.id() + " (" + m.state() + " → " + was + ")");
      } catch (FlyApiException e) {
        leftAlone.add(m.id() + " (could not be put back to " + was + ": " + e.getMessage() + ")");
      }
    }
    List<String> gone = states.keySet().stream().filter(id -> !seen.contains(id)).toList();
    return new Recycle(restarted, destroyed, leftAlone, gone);
  }

  private static boolean gone(MachineInfo m) {
    return m.state().equals("destroyed") || m.state().equals("destroying");
  }

  private static boolean transitional(String state) {
    return state.equals("starting") || state.equals("stopping") || state.equals("suspending") || state.equals("created");
  }
}
