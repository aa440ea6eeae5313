package io.artifact.flyemu.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.Scheduler;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An app's view of its NFS mount over time (E2E.md FAULT-050; stack-contract.md §8 G20, DOC
 * column: "router/exec detect NFS mount failure and back off"). The mount is probed in the
 * background, so an outage is seen with or without traffic: its first failure is logged once, an
 * outage that lasts {@code DC_NFS_ALERT_GRACE_MS} raises one {@code nfs_unavailable} alert
 * through the {@link Alarm}, and the first good probe ends it and runs the recovery listeners
 * (exec resumes the changes it deferred). The app's requests still re-check the mount themselves.
 */
public final class NfsWatch implements AutoCloseable {

  public static final String ALERT = "nfs_unavailable";
  /** How long an outage may last before it is an incident; the suite's profile sets it ({@code timeouts.grace-period}). */
  public static final String GRACE_ENV = "DC_NFS_ALERT_GRACE_MS";
  /** How often the mount is probed; by default a quarter of the grace period, within 50 ms … 5 s. */
  public static final String PROBE_ENV = "DC_NFS_PROBE_MS";
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AppRuntime rt;
  private final NfsRoot root;
  private final String share;
  private final String app;
  private final Alarm alarm;
  private final Duration grace;
  private final Duration probeEvery;
  private final List<Runnable> onRecovery = new CopyOnWriteArrayList<>();
  private Instant since;
  private String reason;
  private boolean alerted;
  private boolean closed;
  private Scheduler.Task nextProbe;
  private Scheduler.Task graceOver;

  private NfsWatch(AppRuntime rt, String share, String app, Alarm alarm) {
    this.rt = rt;
    this.root = rt.nfs(share);
    this.share = share;
    this.app = app;
    this.alarm = alarm;
    this.grace = millis(rt, GRACE_ENV).orElse(DEFAULT_GRACE);
    Duration quarter = grace.dividedBy(4);
    this.probeEvery = millis(rt, PROBE_ENV).orElse(quarter.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50)
        : quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quarter);
  }

  /** Probes {@code share} now and then every probe interval until {@link #close()}. */
  public static NfsWatch start(AppRuntime rt, String share, String app, Alarm alarm) {
    NfsWatch w = new NfsWatch(rt, share, app, alarm);
    w.probe();
    return w;
  }

  public synchronized boolean down() {
    return since != null;
  }

  public Duration grace() {
    return grace;
  }

  /** Runs after every outage, once the mount answers again (on the scheduler's thread). */
  public void onRecovery(Runnable listener) {
    onRecovery.add(listener);
  }

  private void probe() {
    try {
      root.path();
      mounted();
    } catch (NfsUnavailableException e) {
      failed(e.getMessage());
    }
    synchronized (this) {
      if (!closed) nextProbe = rt.scheduler().schedule(probeEvery, this::probe);
    }
  }

  private synchronized void failed(String why) {
    if (closed || since != null) return;
    since = rt.scheduler().now();
    reason = why;
    Instant outage = since;
    rt.logError(why + "; backing off (alert " + ALERT + " if still down after " + grace.toMillis() + " ms)");
    graceOver = rt.scheduler().schedule(grace, () -> alert(outage));
  }

  private synchronized void alert(Instant outage) {
    if (closed || since != outage || alerted) return;
    alerted = true;
    ObjectNode a = JSON.createObjectNode().put("alert", ALERT).put("app", app).put("instance", rt.instanceId())
        .put("share", share).put("since", since.toString()).put("grace_ms", grace.toMillis()).put("reason", reason);
    alarm.raise(a);
  }

  private void mounted() {
    synchronized (this) {
      if (closed || since == null) return;
      long downMs = Duration.between(since, rt.scheduler().now()).toMillis();
      rt.log("NFS mount ok again after " + downMs + " ms" + (alerted ? "; alert " + ALERT + " resolved" : ""));
      if (graceOver != null) graceOver.cancel();
      since = null;
      reason = null;
      alerted = false;
    }
    onRecovery.forEach(Runnable::run);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (nextProbe != null) nextProbe.cancel();
    if (graceOver != null) graceOver.cancel();
  }

  private static java.util.Optional<Duration> millis(AppRuntime rt, String name) {
    return rt.env(name).map(v -> Duration.ofMillis(Long.parseLong(v.trim())));
  }
}
