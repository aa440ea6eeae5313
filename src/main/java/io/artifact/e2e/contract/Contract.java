package io.artifact.e2e.contract;

import io.artifact.e2e.config.Profile;
import java.util.regex.Pattern;

/**
 * The suite's vocabulary of expectations, each taken from the documented (DOC) behaviour of the
 * stack — {@code stack-contract.md}, the runbook {@code E2E.md}, Fly's docs — and never from the
 * emulator's own constants, so a verdict can disagree with the emulator. A profile may override a
 * value per target ({@code contract.router.auth-failure-log=Missing Clerk Secret key}).
 */
public final class Contract {

  /** E2E.md Phase 0 and stack-contract.md §8 G19: the NFS release check's log line, and its good outcome. */
  public static final Observable NFS_SELF_CHECK = new Observable("nfs.self-check", "self-mount-check", "E2E.md Phase 0; stack-contract.md §8 G19");
  public static final Observable NFS_SELF_CHECK_OK = new Observable("nfs.self-check-ok", "mount ok", "E2E.md Phase 0: \"the self-mount check must show mount ok\"");
  /** stack-contract.md §1.1: the share is {@code /data/computers} on the server, where the volume is mounted at {@code /data}. */
  public static final Observable NFS_SHARE = new Observable("nfs.share", "computers", "stack-contract.md §1.1 NFS_SHARE_PATH");

  /** E2E.md ROUTER-001 unhappy: "router to log auth failures" (a case-insensitive regular expression). */
  public static final Observable ROUTER_AUTH_FAILURE_LOG = new Observable("router.auth-failure-log", "(?i)auth(entication)?[ _-]?fail",
      "E2E.md ROUTER-001 unhappy path");
  /** stack-contract.md §2.9 / §8 G1: JSON callers without a session. */
  public static final Observable UNAUTHENTICATED_STATUS = new Observable("router.unauthenticated-status", "401", "stack-contract.md §2.9, G1");
  public static final Observable UNAUTHENTICATED_BODY = new Observable("router.unauthenticated-body", "{\"error\":\"unauthenticated\"}", "stack-contract.md §2.9, G1");
  /** stack-contract.md §2.9 / G1: interactive callers without a session loop out to Clerk (a temporary redirect). */
  public static final Observable SIGN_IN_REDIRECT_STATUS = new Observable("router.sign-in-redirect-status", "307", "stack-contract.md §2.4, §2.9");
  /** stack-contract.md §2.5 / §8 G5 (DOC): a computer host whose computer does not exist is not found. */
  public static final Observable COMPUTER_NOT_FOUND_STATUS = new Observable("router.computer-not-found-status", "404", "stack-contract.md §2.5, §8 G5");
  public static final Observable COMPUTER_NOT_FOUND_BODY = new Observable("router.computer-not-found-body", "Computer not found", "stack-contract.md §2.5, §2.8");
  /** stack-contract.md §2.1: {@code <agent>--<computer>.<base>}. */
  public static final Observable AGENT_HOST_SEPARATOR = new Observable("router.agent-host-separator", "--", "stack-contract.md §2.1");

  /** stack-contract.md §3.5: exec labels each worker Machine with its computer. */
  public static final Observable WORKER_COMPUTER_LABEL = new Observable("exec.worker-computer-label", "dc_computer_id", "stack-contract.md §3.5 metadata");
  /** stack-contract.md §1.3: the instance file's state once the agent is loaded. */
  public static final Observable INSTANCE_RUNNING = new Observable("exec.instance-running", "running", "stack-contract.md §1.3, §3.3");

  /**
   * E2E.md WORKER-020 / stack-contract.md §8 G13 DOC: an idle worker Machine is suspended, which Fly
   * reports as the Machine state {@code suspended} (fly-facts.md §4). A regular expression: on a target
   * whose workers cannot be suspended Fly stops them instead (§8.3), e.g. {@code suspended|stopped}.
   */
  public static final Observable WORKER_IDLE_STATE = new Observable("worker.idle-state", "suspended",
      "E2E.md WORKER-020 \"auto-suspend after idle period\"; stack-contract.md §8 G13; fly-facts.md §4, §8.1");

  /*
   * FAULT-050 (E2E.md: "router and exec detect mount failure and back off"; "verify alerts"; stack-contract.md §8 G20).
   * The docs name no status, header or alert format: these are the suite's documented choices, overridable per target.
   */
  /** What router and exec answer while NFS is away: 503 Service Unavailable (RFC 9110 §15.6.4), not a 500 or a hang. */
  public static final Observable NFS_OUTAGE_STATUS = new Observable("nfs-outage.status", "503",
      "suite's documented choice, E2E.md FAULT-050 \"back off\"; stack-contract.md §8 G20; RFC 9110 §15.6.4");
  /** The header that says when to come back (RFC 9110 §10.2.3: delay-seconds or an HTTP-date). */
  public static final Observable NFS_OUTAGE_BACKOFF_HEADER = new Observable("nfs-outage.backoff-header", "Retry-After",
      "suite's documented choice, E2E.md FAULT-050 \"back off\"; RFC 9110 §10.2.3");
  /** An alert is a log line: this marker, a space, then a JSON object whose {@code alert} field names it. */
  public static final Observable ALERT_MARKER = new Observable("alert.marker", "ALERT",
      "suite's documented choice, E2E.md FAULT-050 \"verify alerts\"");
  /** The alert an NFS outage past the grace period raises, in the {@code alert} field of the ALERT line. */
  public static final Observable NFS_OUTAGE_ALERT = new Observable("nfs-outage.alert", "nfs_unavailable",
      "suite's documented choice, E2E.md FAULT-050 \"leave NFS down longer than grace period; verify alerts\"");

  /** OCI image digests, as registries and the Machines API report them ({@code image_ref.digest}). */
  public static final Observable IMAGE_DIGEST = new Observable("fly.image-digest", "sha256:[0-9a-f]{64}", "OCI image spec; fly-facts.md §3 image_ref");

  private final Profile profile;

  public Contract(Profile profile) {
    this.profile = profile;
  }

  /** The expected value on this target: the profile's override, else the documented one. */
  public String value(Observable o) {
    return profile.optional("contract." + o.key()).orElse(o.value());
  }

  public int number(Observable o) {
    return Integer.parseInt(value(o));
  }

  public Pattern pattern(Observable o) {
    return Pattern.compile(value(o));
  }

  /** "router.auth-failure-log '(?i)…' (E2E.md ROUTER-001 unhappy path)", for assertion descriptions. */
  public String describe(Observable o) {
    return o.key() + " '" + value(o) + "' (" + o.source() + (value(o).equals(o.value()) ? "" : "; overridden by " + profile.source()) + ")";
  }
}
