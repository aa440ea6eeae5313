package io.artifact.e2e.fault;

import io.artifact.e2e.health.BaselineCheck;
import io.artifact.e2e.health.BaselineReport;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.provision.SliceCredentials;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.ScenarioWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;

/**
 * "The stack is healthy" for a scenario's slice: the Phase 0 baseline ({@link BaselineCheck}: NFS
 * mounted and {@code mount ok}, router and exec started on the current images with the org's env),
 * plus, where the target offers network faults, no toxic left on the traffic to exec. Not
 * applicable to a slice whose NFS, router and exec apps do not exist (a control-plane-only scenario).
 * After the reverts the stack gets {@code timeouts.boot} to settle back (a restored secret restarts
 * the router's Machines), polled no faster than every 100 ms.
 */
public final class StackSteadyState implements SteadyState {

  private static final Duration MIN_POLL = Duration.ofMillis(100);

  private final ScenarioWorld world;
  private final Function<ScenarioWorld, List<String>> extraProbes;

  public StackSteadyState(ScenarioWorld world, Function<ScenarioWorld, List<String>> extraProbes) {
    this.world = world;
    this.extraProbes = extraProbes;
  }

  @Override
  public Verdict before() {
    return probe("before");
  }

  @Override
  public Verdict after() {
    AtomicReference<Verdict> last = new AtomicReference<>(probe("after"));
    if (last.get().healthy()) return last.get();
    Duration poll = world.profile().duration("timeouts.poll");
    try {
      world.eventually("the stack is back in its steady state", world.bootBound())
          .pollInterval(poll.compareTo(MIN_POLL) < 0 ? MIN_POLL : poll)
          .until(() -> {
            last.set(probe("after"));
            return last.get().healthy();
          });
    } catch (ConditionTimeoutException e) {
      // the last verdict names what is still wrong
    }
    return last.get();
  }

  private Verdict probe(String phase) {
    Instant at = Instant.now();
    if (!world.target().offers(Capability.FLY_API)) {
      return Verdict.notApplicable(phase, at, world.target().describe() + " offers no Fly API to judge the slice by");
    }
    OrgSlice slice = world.slice();
    List<String> missing = List.of(slice.nfsApp(), slice.routerApp(), slice.execApp()).stream()
        .filter(app -> world.fly().findApp(app).isEmpty()).toList();
    if (!missing.isEmpty()) return Verdict.notApplicable(phase, at, "the slice has no " + missing + " to judge");
    SliceBlueprint blueprint = SliceBlueprint.of(world.profile(), slice, SliceCredentials.of(world.target()));
    BaselineReport report = new BaselineCheck(world.fly(), blueprint, world.contract()).run();
    List<String> findings = new ArrayList<>(report.findings());
    findings.addAll(extraProbes.apply(world));
    return new Verdict(phase, at, true, List.copyOf(findings));
  }
}
