package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;

/**
 * {@code infra.set_secret(app, name, value)} → {@code {ok: true}}. Only runtime secrets: names
 * Fly owns ({@code FLY_*}) are refused. The value is never echoed, logged or audited.
 */
public final class SetSecretTool implements ControlTool {

  private final FlyPlatform fly;

  public SetSecretTool(FlyPlatform fly) {
    this.fly = fly;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.set_secret").title("Set secret")
        .description("Sets a runtime secret on an app; Machines see it when next updated. FLY_* names are reserved.")
        .inputSchema(Schema.object()
            .required("app", Schema.string("app name", Schema.APP_NAME))
            .required("name", Schema.string("secret name", "^[A-Za-z_][A-Za-z0-9_]*$"))
            .required("value", Map.of("type", "string", "minLength", 1, "description", "secret value (never echoed)")).build())
        .outputSchema(Schema.object().open().required("ok", Schema.bool("true once stored")).build())
        .build();
  }

  @Override
  public Set<String> secretArgs() {
    return Set.of("value");
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    String name = args.string("name");
    if (name.toUpperCase(java.util.Locale.ROOT).startsWith("FLY_")) {
      throw ToolException.refused("secret " + name + " is reserved: FLY_* secrets are managed by Fly, not by the control plane");
    }
    int version = fly.setSecrets(args.string("app"), Map.of(name, args.string("value")));
    return ToolResult.ok(Map.of("ok", true), "set secret " + name + " on " + args.string("app") + " (secrets version " + version + ")");
  }
}
