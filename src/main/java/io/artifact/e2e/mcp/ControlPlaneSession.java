package io.artifact.e2e.mcp;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.target.MissingCapability;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.ScenarioWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's session with the control plane: its MCP port (authenticated with the slice's own
 * org token, so a revoked token stays inside the scenario), the admin surface where one exists,
 * and the control-plane operations the steps and Phase 1 staging use.
 */
public final class ControlPlaneSession {

  private final McpPort port;
  private final ControlPlaneAdmin admin;
  private final String org;
  private final String user;
  private final OrgSlice slice;
  private final String target;

  ControlPlaneSession(McpPort port, ControlPlaneAdmin admin, String org, String user, OrgSlice slice, String target) {
    this.target = target;
    this.port = port;
    this.admin = admin;
    this.org = org;
    this.user = user;
    this.slice = slice;
  }

  /**
   * Opens the session for the world's slice: on the embedded stack a token scoped to the slice is
   * issued where the target has an admin surface ({@code mcp_admin}); otherwise the target's own org
   * token ({@code secret.mcp_org_token}) is used. The transcript is attached when the scenario is torn down.
   */
  public static ControlPlaneSession open(ScenarioWorld world) {
    Profile p = world.profile();
    OrgSlice slice = world.slice();
    String user = "e2e@" + slice.prefix();
    Duration timeout = p.optionalDuration("timeouts.mcp").orElse(Duration.ofSeconds(20));
    Target target = world.target();
    world.require(Capability.MCP);
    String url = target.endpoint(Target.MCP).orElseThrow();
    ControlPlaneAdmin admin = target.endpoint(Target.MCP_ADMIN).map(ControlPlaneAdmin::new).orElse(null);
    String token;
    if (admin != null) {
      // a token scoped to the slice, so a revocation fault stays inside the scenario; revoked at teardown (Phase 5)
      token = admin.issueToken(slice.prefix(), slice.prefix() + "-", user, slice.org());
      world.cleanup().register("revoke the slice's org token", () -> admin.revokeIfCurrent(slice.prefix()));
    } else {
      token = target.secret(Target.MCP_ORG_TOKEN).orElseThrow();
    }
    world.redactor().secret(token);
    McpPort port = new McpSdkPort(url, () -> token, world.redactor(), timeout);
    world.cleanup().register("close the MCP session (transcript attached)", () -> {
      world.evidence().json("mcp-transcript.json", port.transcript().asJson());
      port.close();
    });
    if (admin != null) {
      // what the control plane recorded of this scenario's calls (fly.backend=mcp routes Fly operations through it)
      world.cleanup().register("attach the control plane's audit trail", () ->
          world.evidence().json("mcp-audit.json", admin.audit(slice.prefix() + "-", user)));
    }
    return new ControlPlaneSession(port, admin, slice.prefix(), user, slice, target.describe());
  }

  public McpPort port() {
    return port;
  }

  public List<McpSchema.Tool> tools() {
    return port.tools();
  }

  public ToolCall ensureApp(String app) {
    return port.call("infra.ensure_app", Map.of("name", app, "region", slice.region()));
  }

  public ToolCall listMachines(String app) {
    return port.call("infra.list_machines", Map.of("app", app));
  }

  public ToolCall createMachine(String app, String image, String region) {
    return port.call("infra.create_machine", Map.of("app", app, "image", image, "region", region,
        "metadata", slice.labels()));
  }

  public ToolCall destroyMachine(String app, String machineId) {
    return port.call("infra.destroy_machine", Map.of("app", app, "machine_id", machineId));
  }

  /** {@code infra.provision_org} for the slice, with the images the profile calls current. */
  public ToolCall provisionSlice(Map<String, String> images, boolean dryRun) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("org", slice.prefix());
    args.put("domain", slice.domain());
    args.put("region", slice.region());
    args.put("images", images);
    args.put("dry_run", dryRun);
    return port.call("infra.provision_org", args);
  }

  /** The token-revocation fault (runbook "Token expiry"): the slice's org token stops working. */
  public void revokeToken() {
    admin().revoke(org);
  }

  /** Audit entries made with this session's token, for apps starting with {@code appPrefix}. */
  public List<AuditRecord> audit(String appPrefix) {
    return admin().audit(appPrefix, user);
  }

  public List<AlertRecord> alerts() {
    return admin().alerts(org);
  }

  private ControlPlaneAdmin admin() {
    if (admin == null) throw new MissingCapability(Capability.MCP_ADMIN, target);
    return admin;
  }
}
