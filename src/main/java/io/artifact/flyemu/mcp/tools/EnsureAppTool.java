package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code infra.ensure_app(name, region)} → {@code {app, created}}: creates the app only if it is missing. */
public final class EnsureAppTool implements ControlTool {

  private final FlyPlatform fly;
  private final Predicate<String> exists;

  public EnsureAppTool(FlyPlatform fly) {
    this(fly, name -> fly.findApp(name).isPresent());
  }

  /** {@code exists}: whether the org already has the app; the defective variant's never does. */
  public EnsureAppTool(FlyPlatform fly, Predicate<String> exists) {
    this.fly = fly;
    this.exists = exists;
  }

  @Override
  public McpSchema.Tool definition() {
    return McpSchema.Tool.builder().name("infra.ensure_app").title("Ensure app")
        .description("Ensures a Fly app exists in the caller's org; idempotent (created=false when it already existed).")
        .inputSchema(Schema.object()
            .required("name", Schema.string("app name, e.g. org1-worker-pool", Schema.APP_NAME))
            .required("region", Schema.string("primary region, e.g. syd", Schema.REGION)).build())
        .outputSchema(Schema.object().open()
            .required("app", Schema.string("the app name"))
            .required("created", Schema.bool("true when this call created it")).build())
        .build();
  }

  @Override
  public List<String> apps(Args args, Grant caller) {
    return List.of(args.string("name"));
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    String name = args.string("name");
    boolean exists = this.exists.test(name);
    if (!exists) fly.createApp(name, caller.flyOrg());
    return ToolResult.ok(Map.of("app", name, "created", !exists),
        (exists ? "app " + name + " already exists" : "created app " + name) + " (primary region " + args.string("region") + ")");
  }
}
