package io.artifact.flyemu.mcp;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.mcp.audit.Alerts;
import io.artifact.flyemu.mcp.auth.OrgTokens;
import io.artifact.flyemu.mcp.tools.ControlTool;
import io.artifact.flyemu.mcp.tools.CreateMachineTool;
import io.artifact.flyemu.mcp.tools.DestroyMachineTool;
import io.artifact.flyemu.mcp.tools.EnsureAppTool;
import io.artifact.flyemu.mcp.tools.FlyLogsTool;
import io.artifact.flyemu.mcp.tools.FlyRunTool;
import io.artifact.flyemu.mcp.flyctl.FlyRunAllowList;
import io.artifact.flyemu.mcp.flyctl.Flyctl;
import io.artifact.flyemu.mcp.tools.EchoingTool;
import io.artifact.flyemu.mcp.tools.ListMachinesTool;
import io.artifact.flyemu.mcp.tools.ProvisionOrgTool;
import io.artifact.flyemu.mcp.tools.RouterTraceTool;
import io.artifact.flyemu.mcp.trace.RouterTrace;
import io.artifact.flyemu.mcp.tools.RotateOrgTokenTool;
import io.artifact.flyemu.mcp.tools.SetSecretTool;
import io.artifact.flyemu.mcp.tools.UpdateMachineTool;
import java.util.List;

/** The tool catalogue, in the order {@code tools/list} shows it. */
final class ControlTools {

  private ControlTools() {}

  static List<ControlTool> all(EmbeddedStack stack, OrgTokens tokens, Alerts alerts, ControlPlaneSettings settings) {
    FlyPlatform fly = stack.platform();
    List<ControlTool> tools = List.of(
        settings.defect() == Defect.ENSURE_APP_NOT_IDEMPOTENT ? new EnsureAppTool(fly, name -> false) : new EnsureAppTool(fly),
        new CreateMachineTool(fly),
        new UpdateMachineTool(fly),
        new DestroyMachineTool(fly),
        new ListMachinesTool(fly),
        new SetSecretTool(fly),
        new RotateOrgTokenTool(tokens, alerts),
        new ProvisionOrgTool(fly),
        new RouterTraceTool(new RouterTrace(fly)),
        new FlyRunTool(new Flyctl(fly), settings.defect() == Defect.RUN_ANY_COMMAND ? FlyRunAllowList.ANY_KNOWN_COMMAND : FlyRunAllowList.DOCUMENTED),
        new FlyLogsTool(fly, () -> fly.scheduler().now()));
    return settings.defect() == Defect.ECHOES_SECRETS ? tools.stream().<ControlTool>map(EchoingTool::new).toList() : tools;
  }
}
