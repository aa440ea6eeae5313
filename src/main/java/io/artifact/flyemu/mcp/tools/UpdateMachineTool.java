package io.artifact.flyemu.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * {@code infra.update_machine(app, machine_id, patch)} → {@code {machine_id, state}}. The patch is
 * a JSON merge patch (RFC 7386) over the Machine's config: {@code null} removes a key.
 */
public final class UpdateMachineTool implements ControlTool {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlyPlatform fly;

  public UpdateMachineTool(FlyPlatform fly) {
    this.fly = fly;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.update_machine").title("Update Machine")
        .description("Applies a JSON merge patch to a Machine's config (image, env, guest, metadata, services, ...) and restarts it on the new version.")
        .inputSchema(Schema.object()
            .required("app", Schema.string("app name", Schema.APP_NAME))
            .required("machine_id", Schema.string("Machine id", Schema.MACHINE_ID))
            .required("patch", Map.of("type", "object", "minProperties", 1, "description", "merge patch over the Machine config")).build())
        .outputSchema(Schema.object().open()
            .required("machine_id", Schema.string("the Machine id"))
            .required("state", Schema.string("its state after the update")).build())
        .build();
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    String app = args.string("app");
    Machine current = fly.machine(app, args.string("machine_id"));
    ObjectNode config = current.config();
    merge(config, JSON.valueToTree(args.map("patch")));
    Machine m = fly.updateMachine(app, current.id(), config, false);
    return ToolResult.ok(Map.of("machine_id", m.id(), "state", m.state().wire()),
        "updated Machine " + m.id() + " in " + app + " to version " + m.instanceId());
  }

  static void merge(ObjectNode target, JsonNode patch) {
    patch.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) target.remove(e.getKey());
      else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode inner) merge(inner, e.getValue());
      else target.set(e.getKey(), e.getValue().deepCopy());
    });
  }
}
