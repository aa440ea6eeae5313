package io.artifact.e2e.stack.mcp;

import io.artifact.e2e.stack.EmbeddedStack;
import io.artifact.e2e.stack.fly.FlyPlatform;
import io.artifact.e2e.stack.mcp.audit.Alerts;
import io.artifact.e2e.stack.mcp.auth.OrgTokens;
import io.artifact.e2e.stack.mcp.tools.ControlTool;
import io.artifact.e2e.stack.mcp.tools.CreateMachineTool;
import io.artifact.e2e.stack.mcp.tools.DestroyMachineTool;
import io.artifact.e2e.stack.mcp.tools.EnsureAppTool;
import io.artifact.e2e.stack.mcp.tools.FlyLogsTool;
import io.artifact.e2e.stack.mcp.tools.FlyRunTool;
import io.artifact.e2e.stack.mcp.flyctl.Flyctl;
import io.artifact.e2e.stack.mcp.tools.ListMachinesTool;
import io.artifact.e2e.stack.mcp.tools.ProvisionOrgTool;
import io.artifact.e2e.stack.mcp.tools.RouterTraceTool;
import io.artifact.e2e.stack.mcp.trace.RouterTrace;
import io.artifact.e2e.stack.mcp.tools.RotateOrgTokenTool;
import io.artifact.e2e.stack.mcp.tools.SetSecretTool;
import io.artifact.e2e.stack.mcp.tools.UpdateMachineTool;
import java.util.List;

/** The tool catalogue, in the order {@code tools/list} shows it. */
final class ControlTools {

  private ControlTools() {}

  static List<ControlTool> all(EmbeddedStack stack, OrgTokens tokens, Alerts alerts, ControlPlaneSettings settings) {
    FlyPlatform fly = stack.platform();
    return List.of(
        new EnsureAppTool(fly, settings.defect() != Defect.ENSURE_APP_NOT_IDEMPOTENT),
        new CreateMachineTool(fly),
        new UpdateMachineTool(fly),
        new DestroyMachineTool(fly),
        new ListMachinesTool(fly),
        new SetSecretTool(fly),
        new RotateOrgTokenTool(tokens, alerts),
        new ProvisionOrgTool(fly),
        new RouterTraceTool(new RouterTrace(fly)),
        new FlyRunTool(new Flyctl(fly)),
        new FlyLogsTool(fly, () -> fly.scheduler().now()));
  }
}
