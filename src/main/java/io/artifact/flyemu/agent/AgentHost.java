package io.artifact.flyemu.agent;

import io.artifact.flyemu.emulator.BootFaults;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.NfsMounts;
import io.artifact.flyemu.nfs.NfsRoot;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent host images {@code host-coder} and {@code host-basic}: the supervisor of a worker
 * Machine (stack-contract.md §4.3). It answers {@code /ping}, exposes the MCP {@code load} tool,
 * and once loaded serves the page a user lands on after the replay.
 */
public final class AgentHost implements MachineProgram {

  /** The agent this Machine runs, once {@code load} succeeded. */
  public record Loaded(String computerId, String agentId) {}

  private static final Map<String, Object> LOAD_INPUT = Map.of("type", "object",
      "properties", Map.of("computerId", Map.of("type", "string"), "agentId", Map.of("type", "string")),
      "required", List.of("computerId", "agentId"));
  private static final Map<String, Object> LOAD_OUTPUT = Map.of("type", "object",
      "properties", Map.of("ok", Map.of("type", "boolean")), "required", List.of("ok"));

  private final ImageRef image;
  private final HostVariant variant;
  private volatile MachineRuntime runtime;
  private volatile McpEndpoint mcp;
  private volatile McpStatelessSyncServer server;
  private volatile Loaded loaded;

  public AgentHost(ImageRef image) {
    this.image = image;
    this.variant = HostVariant.VARIANTS.of(image);
  }

  /** The variant tags the agent host images answer to besides their version tags. */
  public static Set<String> variantTags() {
    return HostVariant.tags();
  }

  @Override
  public void boot(MachineRuntime rt) {
    if (rt.services().has(BootFaults.class)) rt.services().get(BootFaults.class).onBoot(rt);
    this.runtime = rt;
    this.mcp = new McpEndpoint(Duration.ofSeconds(30));
    this.server = McpServer.sync(mcp).serverInfo("@artifact/supervisor", "0.0.1")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .toolCall(McpSchema.Tool.builder("load", LOAD_INPUT).outputSchema(LOAD_OUTPUT)
            .description("Load an agent of a computer into this Machine").build(), (ctx, call) -> load(call.arguments()))
        .build();
    rt.log("supervisor listening on [::]:" + rt.env("PORT").orElse("8080") + " (" + image.raw() + ")");
  }

  public Optional<Loaded> loaded() {
    return Optional.ofNullable(loaded);
  }

  @Override
  public HttpResponse serve(HttpRequest request) throws Exception {
    if (request.path().equals("/ping")) return HttpResponse.text(200, "pong");
    if (request.method().equals("POST")) return mcp.handle(request);
    Loaded l = loaded;
    if (l == null) return HttpResponse.text(503, "Agent has no active views yet");
    return variant.page(new HttpResponse(200, Map.of("content-type", List.of("text/html; charset=UTF-8")),
        AgentPage.render(runtime.machineId(), l, image.raw()).getBytes(StandardCharsets.UTF_8)));
  }

  private McpSchema.CallToolResult load(Map<String, Object> args) {
    String computer = String.valueOf(args.get("computerId"));
    String agent = String.valueOf(args.get("agentId"));
    Loaded current = loaded;
    if (current != null && !current.equals(new Loaded(computer, agent))) {
      return failure("this Machine already runs agent " + current.agentId() + " of computer " + current.computerId());
    }
    Optional<String> dcNfs = runtime.env("DC_NFS");
    if (dcNfs.isPresent()) {
      ComputerStore nfs = new ComputerStore(NfsRoot.mounted(runtime.services().get(NfsMounts.class), dcNfs.get()));
      if (!nfs.agentExists(computer, agent)) return failure("agent " + agent + " of computer " + computer + " not found on NFS");
    }
    Optional<String> refused = variant.refuseLoad(new Loaded(computer, agent));
    if (refused.isPresent()) return failure(refused.get());
    loaded = new Loaded(computer, agent);
    runtime.log("loaded agent " + agent + " of computer " + computer);
    return McpSchema.CallToolResult.builder().addTextContent("{\"ok\":true}").structuredContent(Map.of("ok", true)).build();
  }

  private McpSchema.CallToolResult failure(String why) {
    runtime.logError("load failed: " + why);
    return McpSchema.CallToolResult.builder().addTextContent(why).isError(true).build();
  }

  @Override
  public void shutdown() {
    McpStatelessSyncServer s = server;
    if (s != null) s.close();
  }
}
