package io.artifact.e2e.fault;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "The stack is healthy", as a Chaos Toolkit steady-state hypothesis: probed before the first fault
 * of a scenario is injected (a gate: an unhealthy stack gets no fault) and again after every fault
 * was reverted (a deviation there fails the scenario, whatever its own steps said).
 */
public interface SteadyState {

  /** One probe of the hypothesis; {@code applicable} is false where there is no stack to judge (no slice provisioned). */
  record Verdict(String phase, Instant at, boolean applicable, List<String> findings) {

    public static Verdict notApplicable(String phase, Instant at, String why) {
      return new Verdict(phase, at, false, List.of(why));
    }

    public boolean healthy() {
      return !applicable || findings.isEmpty();
    }

    public Map<String, Object> asJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phase", phase);
      m.put("at", at.toString());
      m.put("applicable", applicable);
      m.put("healthy", healthy());
      m.put(applicable ? "findings" : "why_not_applicable", findings);
      return m;
    }
  }

  /** Probed once, before anything is injected. */
  Verdict before();

  /** Probed after the reverts; may wait (bounded) for the stack to settle back. */
  Verdict after();

  /** For unit tests and targets with nothing to judge. */
  SteadyState NONE = new SteadyState() {
    @Override public Verdict before() { return Verdict.notApplicable("before", Instant.now(), "no steady state defined"); }
    @Override public Verdict after() { return Verdict.notApplicable("after", Instant.now(), "no steady state defined"); }
  };
}
