package io.artifact.flyemu.mcp.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code infra.create_machine(app, image, region, size?, cmd?, env?, services?, metadata?)} →
 * {@code {machine_id, state}}. Marks the Machine {@code fly_platform_version=v2} as flyctl
 * does, so {@code fly status} lists it (fly-facts.md §5.2).
 */
public final class CreateMachineTool implements ControlTool {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlyPlatform fly;

  public CreateMachineTool(FlyPlatform fly) {
    this.fly = fly;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.create_machine").title("Create Machine")
        .description("Creates (and launches) a Machine in an app of the caller's org.")
        .inputSchema(Schema.object()
            .required("app", Schema.string("app name", Schema.APP_NAME))
            .required("image", Map.of("type", "string", "minLength", 1, "description", "image reference, e.g. registry.fly.io/fly-nfs:latest"))
            .required("region", Schema.string("region, e.g. syd", Schema.REGION))
            .optional("size", Schema.string("e.g. shared-cpu-1x@1024MB", MachineSize.PATTERN))
            .optional("name", Schema.string("Machine name (generated when absent)", "^[a-z0-9-]{1,63}$"))
            .optional("cmd", Schema.array("command override", Map.of("type", "string")))
            .optional("env", Schema.stringMap("environment variables"))
            .optional("services", Schema.array("Fly services (internal_port, ports, autostop, ...)", Map.of("type", "object")))
            .optional("metadata", Schema.stringMap("Machine metadata")).build())
        .outputSchema(Schema.object().open()
            .required("machine_id", Schema.string("the new Machine's id"))
            .required("state", Schema.string("its state right after creation")).build())
        .build();
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    ObjectNode config = JSON.createObjectNode().put("image", args.string("image"));
    args.optString("size").map(MachineSize::parse).ifPresent(s -> config.set("guest", s.guest()));
    if (args.has("cmd")) config.putObject("init").set("cmd", JSON.valueToTree(args.strings("cmd")));
    if (args.has("env")) config.set("env", JSON.valueToTree(args.map("env")));
    if (args.has("services")) config.set("services", JSON.valueToTree(args.raw().get("services")));
    Map<String, Object> metadata = new LinkedHashMap<>(Map.of("fly_platform_version", "v2", "fly_process_group", "app"));
    metadata.putAll(args.map("metadata"));
    config.set("metadata", JSON.valueToTree(metadata));
    Machine m = fly.createMachine(args.string("app"), args.optString("name").orElse(null), args.string("region"), config, false);
    return ToolResult.ok(Map.of("machine_id", m.id(), "state", m.state().wire()),
        "created Machine " + m.id() + " (" + m.name() + ") in " + args.string("app") + " from " + args.string("image"));
  }
}
