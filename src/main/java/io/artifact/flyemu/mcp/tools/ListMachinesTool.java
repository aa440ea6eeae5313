package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code infra.list_machines(app)} → {@code {machines: [...]}} (destroyed Machines left out). */
public final class ListMachinesTool implements ControlTool {

  private final FlyPlatform fly;

  public ListMachinesTool(FlyPlatform fly) {
    this.fly = fly;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.list_machines").title("List Machines")
        .description("Lists an app's Machines with their state, region, image and metadata.")
        .inputSchema(Schema.object().required("app", Schema.string("app name", Schema.APP_NAME)).build())
        .outputSchema(Schema.object().open().required("machines", Schema.array("the app's Machines", MachineView.schema())).build())
        .build();
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    List<Machine> machines = fly.machines(args.string("app"), false);
    String states = machines.stream().collect(Collectors.groupingBy(m -> m.state().wire(), java.util.TreeMap::new, Collectors.counting()))
        .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    return ToolResult.ok(Map.of("machines", machines.stream().map(MachineView::of).toList()),
        args.string("app") + ": " + machines.size() + " Machines" + (machines.isEmpty() ? "" : " (" + states + ")"));
  }
}
