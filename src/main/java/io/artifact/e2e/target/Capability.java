package io.artifact.e2e.target;

import java.util.Arrays;

/**
 * What a target lets the suite do. A step that needs one the target lacks skips its scenario with
 * the capability named, so the same features run everywhere and only ever judge what they can see.
 */
public enum Capability {
  /** Fly's Machines API (and with it Machine lifecycle and secret changes). */
  FLY_API("fly-api"),
  /** The public ingress: Fly Proxy in front of the router, or a local edge that routes by host. */
  EDGE("edge"),
  /** Clerk's Backend API, to create test users and mint their sessions. */
  CLERK_BACKEND("clerk-backend"),
  /**
   * The Clerk instance's own signing key, to mint session tokens only the instance could sign
   * (expired, not yet valid, issued in the future, for another party): a testing surface no real
   * Clerk instance offers.
   */
  CLERK_SIGNING_KEY("clerk-signing-key"),
  /** The shared NFS volume's files (stack-contract.md §1). */
  NFS_FILES("nfs-files"),
  /** Exec's {@code POST /changed/<computer>} on the private network (stack-contract.md §3.1). */
  EXEC_NOTIFY("exec-notify"),
  /** The control plane's MCP endpoint. */
  MCP("mcp"),
  /** The control plane's audit trail, alerts and token revocation. */
  MCP_ADMIN("mcp-admin"),
  /** Stop, start, restart a Machine, set or remove a secret: anything the Fly API can do. */
  FAULTS_MACHINE_LIFECYCLE("faults:machine-lifecycle"),
  /**
   * Set, remove or flip an app's secrets through Fly and have its Machines see the change: not so
   * when the app runs outside and reads its secrets from its own shell (the mix drill).
   */
  FAULTS_APP_SECRETS("faults:app-secrets"),
  /** Kill a Machine while it boots: no Fly API does this, only an emulator admin surface. */
  FAULTS_BOOT_KILL("faults:boot-kill"),
  /** Latency, resets and drops on router→exec traffic. */
  FAULTS_NETWORK("faults:network");

  private final String id;

  Capability(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Capability byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown capability '" + id + "'; known: "
            + Arrays.stream(values()).map(Capability::id).toList()));
  }

  @Override
  public String toString() {
    return id;
  }
}
