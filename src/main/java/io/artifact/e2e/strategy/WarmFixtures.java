package io.artifact.e2e.strategy;

import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.world.OrgSlice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The hybrid pool's warm fixtures — the started Machines of NFS, router and exec — and what a
 * scenario must leave: the same Machines started (a fault may have restarted one: it gets
 * {@code bound} to come back; a recreated one has a new id), and no worker of its own in the pool.
 */
public final class WarmFixtures {

  private final List<String> machines;

  private WarmFixtures(List<String> machines) {
    this.machines = machines;
  }

  public static WarmFixtures snapshot(FlyPort fly, OrgSlice slice) {
    return new WarmFixtures(started(fly, slice));
  }

  public List<String> machines() {
    return machines;
  }

  /**
   * What is wrong now, if anything. {@code computerLabel} is the worker Machines' computer label;
   * a worker whose computer ends in {@code -<slice id>}, or that carries the run's label, is the scenario's.
   */
  public List<String> problems(FlyPort fly, OrgSlice slice, String computerLabel, Duration bound, Duration poll) {
    List<String> now;
    try {
      now = Awaitility.await("warm fixtures started again").atMost(bound).pollInterval(poll)
          .until(() -> started(fly, slice), found -> found.containsAll(machines));
    } catch (ConditionTimeoutException e) {
      now = started(fly, slice);
    }
    List<String> problems = new ArrayList<>();
    for (String m : machines) {
      if (!now.contains(m)) problems.add(m + " is not started any more (warm when the scenario began: recreated, or left stopped)");
    }
    String suffix = "-" + slice.runId();
    fly.listMachines(slice.workerPoolApp()).stream()
        .filter(m -> !m.state().equals("destroyed") && !m.state().equals("destroying"))
        .filter(m -> m.metadata().getOrDefault(computerLabel, "").endsWith(suffix) || slice.run().equals(m.metadata().get(OrgSlice.RUN_LABEL)))
        .forEach(m -> problems.add("worker Machine " + m.id() + " of this scenario (" + computerLabel + "=" + m.metadata().get(computerLabel)
            + ") is still in the pool"));
    return problems;
  }

  private static List<String> started(FlyPort fly, OrgSlice slice) {
    List<String> out = new ArrayList<>();
    for (String app : List.of(slice.nfsApp(), slice.routerApp(), slice.execApp())) {
      fly.listMachines(app).stream().filter(MachineInfo::started).forEach(m -> out.add(app + "/" + m.id()));
    }
    return out;
  }
}
