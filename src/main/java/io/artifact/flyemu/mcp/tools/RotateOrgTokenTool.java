package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.mcp.audit.Alert;
import io.artifact.flyemu.mcp.audit.Alerts;
import io.artifact.flyemu.mcp.auth.Grant;
import io.artifact.flyemu.mcp.auth.OrgTokens;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * {@code infra.rotate_org_token()} → {@code {rotated_at}}. The caller's org token is replaced;
 * the old one fails from the next request. The new token goes to the org's secret store (the
 * emulator's admin surface), never into the tool result.
 */
public final class RotateOrgTokenTool implements ControlTool {

  private final OrgTokens tokens;
  private final Alerts alerts;

  public RotateOrgTokenTool(OrgTokens tokens, Alerts alerts) {
    this.tokens = tokens;
    this.alerts = alerts;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.rotate_org_token").title("Rotate org token")
        .description("Rotates the org token (FLY_ORG_TOKEN); the old token stops working on the next call.")
        .inputSchema(Schema.object().build())
        .outputSchema(Schema.object().open().required("rotated_at", Schema.string("RFC 3339 time of the rotation")).build())
        .build();
  }

  @Override
  public List<String> apps(Args args, Grant caller) {
    return List.of();
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    Grant fresh = tokens.rotate(caller);
    alerts.raise(new Alert("token_rotated", caller.org(), "org token " + caller.fingerprint() + " rotated by "
        + caller.user() + "; new token " + fresh.fingerprint(), fresh.issuedAt()));
    return ToolResult.ok(Map.of("rotated_at", fresh.issuedAt().toString()),
        "rotated the org token of " + caller.org() + "; the old token is no longer accepted");
  }
}
