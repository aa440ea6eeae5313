package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.mcp.auth.Grant;
import io.artifact.flyemu.mcp.flyctl.FlyRunAllowList;
import io.artifact.flyemu.mcp.flyctl.Flyctl;
import io.artifact.flyemu.mcp.flyctl.FlyctlCommand;
import io.artifact.flyemu.mcp.flyctl.FlyctlOutput;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fly.run(args)}: a flyctl argument list, run only if it is on the allow-list
 * (E2E.md "Automation Hooks"); the embedded host answers what flyctl would print.
 */
public final class FlyRunTool implements ControlTool {

  private final Flyctl flyctl;
  private final FlyRunAllowList allowList;

  public FlyRunTool(Flyctl flyctl, FlyRunAllowList allowList) {
    this.flyctl = flyctl;
    this.allowList = allowList;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("fly.run").title("Run flyctl")
        .description("Runs an allow-listed flyctl command (" + FlyctlCommand.ALLOW_LIST + ") against an app named with -a/--app; "
            + "anything else is refused.")
        .inputSchema(Schema.object()
            .required("args", Schema.array("flyctl arguments, e.g. [\"machine\",\"list\",\"-a\",\"org1-nfs\",\"--json\"]",
                Map.of("type", "string"), 1)).build())
        .outputSchema(Schema.object().open()
            .required("command", Schema.string("the command line as run"))
            .required("exit_code", Schema.integer("flyctl's exit code", 0, 255))
            .required("stdout", Schema.string("standard output"))
            .required("stderr", Schema.string("standard error")).build())
        .build();
  }

  @Override
  public List<String> apps(Args args, Grant caller) {
    String app = FlyctlCommand.parse(args.strings("args")).app();
    return app == null ? List.of() : List.of(app);
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    List<String> argv = args.strings("args");
    FlyctlCommand command = FlyctlCommand.parse(argv);
    allowList.check(command, FlyctlCommand.shown(argv));
    FlyctlOutput out = flyctl.run(command);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", FlyctlCommand.shown(argv));
    s.put("exit_code", out.exitCode());
    s.put("stdout", out.stdout());
    s.put("stderr", out.stderr());
    return out.exitCode() == 0 ? ToolResult.ok(s, out.stdout()) : ToolResult.failed(s, out.stderr().strip());
  }
}
