package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** {@code infra.destroy_machine(app, machine_id)} → {@code {ok: true}}; forced, as an operator's destroy is. */
public final class DestroyMachineTool implements ControlTool {

  private final FlyPlatform fly;

  public DestroyMachineTool(FlyPlatform fly) {
    this.fly = fly;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.destroy_machine").title("Destroy Machine")
        .description("Destroys a Machine (stopping it first if it runs).")
        .inputSchema(Schema.object()
            .required("app", Schema.string("app name", Schema.APP_NAME))
            .required("machine_id", Schema.string("Machine id", Schema.MACHINE_ID)).build())
        .outputSchema(Schema.object().open().required("ok", Schema.bool("true once the destroy was accepted")).build())
        .build();
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    fly.machine(args.string("app"), args.string("machine_id")).destroy(true);
    return ToolResult.ok(Map.of("ok", true), "destroying Machine " + args.string("machine_id") + " in " + args.string("app"));
  }
}
