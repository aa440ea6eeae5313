package io.artifact.e2e.sweep;

import io.artifact.e2e.fly.AppInfo;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.mcp.ControlPlaneAdmin;
import io.artifact.e2e.world.OrgSlice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Removes what dead runs left in the org: apps named {@code <org>-e2e-<runid>[s<n>]-…} (with their
 * Machines and volumes) and Machines labelled {@code e2e_run=<runid>} in the org's other apps — never
 * anything without the suite's marks, never a live run's (see {@link RunLease}), and with
 * {@code olderThan} nothing younger than that. Idempotent: a second sweep finds nothing. Where the
 * target has a control-plane admin, the dead slices' org tokens are revoked as well.
 */
public final class OrphanSweep {

  /** What one sweep did: every line it printed, removals and resources it kept. */
  public record Result(List<String> removed, List<String> kept) {}

  private final FlyPort fly;
  private final String orgSlug;
  private final String orgPrefix;
  private final Path leaseDir;
  private final Duration leaseTtl;
  private final Duration olderThan;
  private final Optional<ControlPlaneAdmin> admin;
  private final Clock clock;

  public OrphanSweep(FlyPort fly, String orgSlug, String orgPrefix, Path leaseDir, Duration leaseTtl, Duration olderThan,
      Optional<ControlPlaneAdmin> admin, Clock clock) {
    this.fly = fly;
    this.orgSlug = orgSlug;
    this.orgPrefix = orgPrefix;
    this.leaseDir = leaseDir;
    this.leaseTtl = leaseTtl;
    this.olderThan = olderThan;
    this.admin = admin;
    this.clock = clock;
  }

  public Result sweep(boolean dryRun, Consumer<String> out) {
    Instant now = clock.instant();
    Map<String, RunLease.Beat> beats = RunLease.heartbeats(leaseDir);
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    Set<String> deadRuns = new LinkedHashSet<>();
    String verb = dryRun ? "would remove " : "removed ";
    for (AppInfo app : fly.listApps(orgSlug)) {
      if (!app.name().startsWith(orgPrefix + "-")) continue; // another team's app: not even looked at
      Optional<String> appRun = OrgSlice.runOfApp(orgPrefix, app.name());
      List<MachineInfo> machines = fly.listMachines(app.name());
      if (appRun.isPresent()) {
        String run = appRun.get();
        Optional<String> keep = keep(run, beats, newest(machines), now);
        if (keep.isPresent()) {
          kept.add("app " + app.name() + " (" + keep.get() + ")");
          continue;
        }
        if (!dryRun) fly.destroyApp(app.name());
        removed.add("app " + app.name() + " with " + machines.size() + " Machine(s) (run " + run + ")");
        out.accept("sweep: " + verb + removed.get(removed.size() - 1));
        deadRuns.add(run);
        if (app.name().endsWith("-nfs") && !dryRun) {
          String slice = app.name().substring(0, app.name().length() - "-nfs".length());
          admin.ifPresent(a -> a.revokeIfCurrent(slice));
        }
        continue;
      }
      // an app the org keeps (a shared worker pool): only Machines that carry a dead run's label
      for (MachineInfo m : machines) {
        String run = m.metadata().get(OrgSlice.RUN_LABEL);
        if (run == null || m.state().equals("destroyed") || m.state().equals("destroying")) continue;
        Optional<String> keep = keep(run, beats, created(m), now);
        if (keep.isPresent()) {
          kept.add("Machine " + m.id() + " of " + app.name() + " (" + keep.get() + ")");
          continue;
        }
        if (!dryRun) fly.destroyMachine(app.name(), m.id(), true);
        removed.add("Machine " + m.id() + " of " + app.name() + " (" + OrgSlice.RUN_LABEL + "=" + run + ")");
        out.accept("sweep: " + verb + removed.get(removed.size() - 1));
        deadRuns.add(run);
      }
    }
    // leases of runs found dead go too; a stale lease with nothing left is cleared as well
    beats.forEach((run, beat) -> {
      if (!dryRun && !beat.live(now, leaseTtl)) RunLease.clear(leaseDir, run);
    });
    kept.forEach(k -> out.accept("sweep: kept " + k));
    out.accept("sweep: " + (dryRun ? "would remove " : "removed ") + removed.size() + " orphan(s) of " + deadRuns.size()
        + " dead run(s); kept " + kept.size() + (dryRun ? " (dry run: nothing changed)" : ""));
    return new Result(List.copyOf(removed), List.copyOf(kept));
  }

  /** Why a run's resource stays, if it does: its run is live, or it is younger than {@code --older-than}. */
  private Optional<String> keep(String run, Map<String, RunLease.Beat> beats, Optional<Instant> created, Instant now) {
    RunLease.Beat beat = beats.get(run);
    if (beat != null && beat.live(now, leaseTtl)) return Optional.of("run " + run + " is live: lease beat " + Duration.between(beat.at(), now).toMillis() + " ms ago");
    if (!olderThan.isZero() && created.isPresent() && created.get().plus(olderThan).isAfter(now)) {
      return Optional.of("run " + run + ": younger than --older-than " + olderThan);
    }
    return Optional.empty();
  }

  private static Optional<Instant> newest(List<MachineInfo> machines) {
    return machines.stream().map(OrphanSweep::created).flatMap(Optional::stream).max(Instant::compareTo);
  }

  private static Optional<Instant> created(MachineInfo m) {
    try {
      return m.raw() == null ? Optional.empty() : Optional.of(Instant.parse(m.raw().path("created_at").asText()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
