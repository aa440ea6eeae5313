package io.artifact.e2e.health;

import io.artifact.e2e.fly.MachineInfo;
import java.util.List;
import java.util.Map;

/** The Phase 0 verdict: healthy when there are no findings; the Machine lists it judged from. */
public record BaselineReport(List<String> findings, Map<String, List<MachineInfo>> machines, List<String> nfsLog) {

  public boolean healthy() {
    return findings.isEmpty();
  }
}
