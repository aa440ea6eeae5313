package io.artifact.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.contract.Json;
import io.artifact.e2e.exec.ExecJourney;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.router.Exchange;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.ScenarioWorld;
import io.artifact.e2e.world.StackApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * FAULT-050 as ops drill it: the NFS Machine is stopped or suspended (the instance files on the
 * volume noted first, where the target lets the suite read them), kept down past the grace period,
 * and started again; exec is notified while it is down; the apps' logs are searched for the
 * {@code ALERT} line the outage must raise.
 */
public final class NfsOutageJourney {

  private final ScenarioWorld world;
  private final ExecJourney exec;
  private final IngressJourney ingress;
  private final FlyFaults faults;
  private String outage;
  private Instant requestedAt;
  private List<String> filesBefore;

  /** What an app last answered its caller during the outage: status, the back-off header (contract name), body. */
  public record Answer(int status, Optional<String> backoff, String body) {}

  public NfsOutageJourney(ScenarioWorld world, ExecJourney exec, IngressJourney ingress, FlyFaults faults) {
    this.world = world;
    this.exec = exec;
    this.ingress = ingress;
    this.faults = faults;
  }

  /** {@code stopped} or {@code suspended} (runbook Phase 4; fly-facts.md §4, §8.3); undone at teardown. */
  public void takeDown(String how) {
    if (!how.equals("stopped") && !how.equals("suspended")) {
      throw new IllegalArgumentException("the NFS Machine can be stopped or suspended, not '" + how + "'");
    }
    if (world.target().offers(Capability.NFS_FILES)) {
      filesBefore = instanceFiles(); // noted before: on Fly the volume is read through the NFS Machine itself
      world.evidence().json("instance-files-before-outage.json", filesBefore);
    }
    outage = how;
    requestedAt = Instant.now(); // the outage cannot start earlier, so an alert cannot be due before this + grace
    if (how.equals("stopped")) faults.stopMachines(world.slice().nfsApp());
    else faults.suspendMachines(world.slice().nfsApp());
  }

  /** Holds the outage for the whole grace period: every NFS Machine stays in the state it was put in. */
  public void holdThroughTheGracePeriod(String how) {
    if (!how.equals(outage)) throw new IllegalStateException("the NFS Machine was " + outage + ", not " + how);
    Duration grace = gracePeriod();
    Awaitility.await("the NFS Machine stays " + how + " for the " + grace.toMillis() + " ms grace period").during(grace)
        .atMost(grace.plus(world.profile().duration("timeouts.await"))).pollInterval(world.pollInterval())
        .until(() -> world.fly().listMachines(world.slice().nfsApp()).stream().map(MachineInfo::state).allMatch(how::equals));
  }

  public void bringBack() {
    faults.startMachines(world.slice().nfsApp());
  }


  /** The router's answer to the last caller at the edge, or exec's to the last change notification. */
  public Answer lastAnswer(StackApp app) {
    String header = world.contract().value(Contract.NFS_OUTAGE_BACKOFF_HEADER);
    if (app == StackApp.ROUTER) {
      Exchange e = ingress.lastAnswer();
      return new Answer(e.status(), e.header(header), e.body());
    }
    ExecPort.Answer last = exec.lastAnswer();
    return new Answer(last.status(), last.header(header), last.body());
  }

  public Duration gracePeriod() {
    return world.profile().duration("timeouts.grace-period");
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  /** The app's {@code ALERT} lines naming the NFS outage alert (contract: marker, then JSON with {@code alert}). */
  public List<LogLine> alerts(StackApp app) {
    String marker = world.contract().value(Contract.ALERT_MARKER) + " ";
    String name = world.contract().value(Contract.NFS_OUTAGE_ALERT);
    List<LogLine> alerts = new ArrayList<>();
    for (LogLine l : log(app)) {
      if (!l.message().startsWith(marker)) continue;
      // on a shared app the log holds earlier outages' alerts too: only this outage's count
      if (requestedAt() != null && java.time.Instant.parse(l.timestamp()).isBefore(requestedAt())) continue;
      JsonNode body = Json.tree(l.message().substring(marker.length()));
      if (name.equals(body.path("alert").asText())) alerts.add(l);
    }
    return alerts;
  }

  /** A bounded excerpt of the app's log (Fly keeps only recent lines; 200 cover an outage). */
  public List<LogLine> log(StackApp app) {
    return world.fly().logs(app.app(world.slice()), null, 200);
  }

  /** The app's log excerpt as evidence, once a verdict about it is reached. */
  public void attachLog(StackApp app) {
    world.evidence().text(app.name().toLowerCase(java.util.Locale.ROOT) + "-log-excerpt.txt",
        String.join("\n", log(app).stream().map(LogLine::toString).toList()));
  }

  /** Instance files noted before the outage that are gone or unreadable now, each with why. */
  public Map<String, String> lostSinceTheOutage() {
    if (filesBefore == null) throw new IllegalStateException("no instance files were noted before the outage (the target offers no " + Capability.NFS_FILES.id() + ")");
    Map<String, String> lost = new LinkedHashMap<>();
    for (String f : filesBefore) {
      String[] ca = f.split("/", 2);
      try {
        if (world.nfs().readInstance(ca[0], ca[1]).isEmpty()) lost.put(f, "gone");
      } catch (RuntimeException e) {
        lost.put(f, "unreadable: " + e.getMessage());
      }
    }
    world.evidence().json("instance-files-after-outage.json", instanceFiles());
    return lost;
  }

  public List<String> filesBefore() {
    return filesBefore == null ? List.of() : filesBefore;
  }

  private List<String> instanceFiles() {
    return world.nfs().computers().stream().flatMap(c -> world.nfs().instances(c).stream().map(a -> c + "/" + a)).toList();
  }
}
