package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.mcp.auth.Grant;
import io.artifact.flyemu.mcp.provision.OrgPlan;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code infra.provision_org(org, domain, region, volume_size_gb?, images?, secrets?, dry_run)} →
 * the org manifest (stack-contract.md §6.3). The dry run validates the request (images must be
 * known to the registry) and reports what applying would change, creating nothing.
 */
public final class ProvisionOrgTool implements ControlTool {

  private static final List<String> ROLES = List.of("nfs", "fly-router", "fly-exec");

  private final FlyPlatform fly;

  public ProvisionOrgTool(FlyPlatform fly) {
    this.fly = fly;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> images = Schema.object()
        .optional("nfs", Schema.string("NFS image")).optional("fly-router", Schema.string("router image"))
        .optional("fly-exec", Schema.string("exec image")).build();
    Map<String, Object> secrets = Map.of("type", "object", "description", "runtime secrets per app role (names are reported, values never)",
        "propertyNames", Map.of("enum", List.of("nfs", "fly-router", "fly-exec", "worker-pool")),
        "additionalProperties", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
    return McpSchema.Tool.builder().name("infra.provision_org").title("Provision org")
        .description("Provisions an org's apps (nfs, fly-router, fly-exec, worker-pool), NFS volume, Machines and certificates "
            + "and returns the org manifest. dry_run=true validates and reports the plan without creating anything; "
            + "applying twice changes nothing.")
        .inputSchema(Schema.object()
            .required("org", Schema.string("org prefix, e.g. org1", "^[a-z][a-z0-9-]{1,40}$"))
            .required("domain", Schema.string("base domain, e.g. agentic.example.com", "^([a-z0-9-]+\\.)+[a-z]{2,}$"))
            .required("region", Schema.string("primary region", Schema.REGION))
            .optional("volume_size_gb", Schema.integer("NFS volume size", 1, 500))
            .optional("images", images)
            .optional("secrets", secrets)
            .required("dry_run", Schema.bool("plan only, create nothing")).build())
        .outputSchema(Schema.object().open()
            .required("org", Schema.string("org prefix")).required("dry_run", Schema.bool("was this a dry run"))
            .required("apps", Schema.array("apps", Map.of("type", "object")))
            .required("machines", Schema.array("Machines with image digests", Map.of("type", "object")))
            .required("volumes", Schema.array("volumes", Map.of("type", "object")))
            .required("regions", Schema.array("regions", Map.of("type", "string")))
            .required("images", Schema.anyObject("image refs and digests by role"))
            .required("changes", Schema.integer("items created (or to create, in a dry run)", 0, 1000)).build())
        .build();
  }

  @Override
  public List<String> apps(Args args, Grant caller) {
    return OrgPlan.apps(args.string("org"));
  }

  @Override
  public Set<String> secretArgs() {
    return Set.of("secrets");
  }

  @Override
  @SuppressWarnings("unchecked")
  public ToolResult call(Args args, Grant caller) {
    Map<String, String> images = new LinkedHashMap<>();
    ROLES.forEach(role -> images.put(role, args.map("images").getOrDefault(role, "registry.fly.io/" + (role.equals("nfs") ? "fly-nfs" : role) + ":latest").toString()));
    images.forEach((role, ref) -> {
      if (!fly.images().knows(ImageRef.parse(ref))) {
        throw ToolException.invalid("images." + role + ": '" + ref + "' is not in the registry (known: " + String.join(", ", fly.images().names()) + ")");
      }
    });
    Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    args.map("secrets").forEach((role, m) -> secrets.put(role, (Map<String, String>) m));
    boolean dryRun = args.bool("dry_run", true);
    OrgPlan.Request r = new OrgPlan.Request(args.string("org"), args.string("domain"), args.string("region"),
        args.integer("volume_size_gb", 10), images, secrets, caller.flyOrg());
    Map<String, Object> manifest = new OrgPlan(fly).run(r, !dryRun);
    int changes = (int) manifest.get("changes");
    return ToolResult.ok(manifest, (dryRun ? "dry run for " : "provisioned ") + r.org() + ": " + changes
        + (dryRun ? " item(s) to create" : " item(s) created") + (changes == 0 ? " (already provisioned)" : ""));
  }
}
