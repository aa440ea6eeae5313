package io.artifact.flyemu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.mcp.ControlPlane;
import io.artifact.flyemu.mcp.ControlPlaneSettings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (bench/mcp.sh): the MCP round trip of {@code infra.list_machines} for an app with
 * {@code machines} started Machines, over {@code calls} calls after a warm-up, on loopback with the
 * SDK client. Prints one line: p50, p99, mean and the response size.
 */
public final class McpRoundTrip {

  private McpRoundTrip() {}

  public static void main(String[] args) throws Exception {
    int machines = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    PrintStream out = System.out;
    ControlPlane cp = new ControlPlane(ControlPlaneSettings.defaults());
    try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults("bench-fly-token"), List.of(cp))) {
      stack.platform().createApp("org1-bench", "personal");
      List<CompletableFuture<MachineState>> started = new ArrayList<>();
      for (int i = 0; i < machines; i++) {
        var config = new ObjectMapper().createObjectNode().put("image", "registry.fly.io/fly-exec:doc");
        config.putObject("metadata").put("fly_platform_version", "v2").put("role", "bench-" + i);
        Machine m = stack.platform().createMachine("org1-bench", null, "syd", config, false);
        started.add(m.when(java.util.EnumSet.of(MachineState.STARTED)));
      }
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      URI uri = URI.create(cp.mcpUrl());
      McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
              .endpoint(uri.getPath()).requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + cp.orgToken())).build())
          .requestTimeout(Duration.ofSeconds(30)).build();
      client.initialize();
      CallToolRequest list = CallToolRequest.builder("infra.list_machines").arguments(Map.of("app", "org1-bench")).build();
      int size = 0;
      for (int i = 0; i < warmup; i++) size = check(client.callTool(list), machines);
      long[] nanos = new long[calls];
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        CallToolResult r = client.callTool(list);
        nanos[i] = System.nanoTime() - t0;
        check(r, machines);
      }
      client.closeGracefully();
      Arrays.sort(nanos);
      out.printf("infra.list_machines with %d Machines, %d calls (after %d warm-up): p50 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.2f ms, response ~%d KB%n",
          machines, calls, warmup, ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), ms(Arrays.stream(nanos).sum() / calls),
          ms(nanos[calls - 1]), size / 1024);
    }
  }

  private static int check(CallToolResult r, int expected) throws Exception {
    if (Boolean.TRUE.equals(r.isError())) throw new IllegalStateException("list_machines failed: " + r.content());
    List<?> listed = (List<?>) ((Map<?, ?>) r.structuredContent()).get("machines");
    if (listed.size() != expected) throw new IllegalStateException("listed " + listed.size() + " Machines, expected " + expected);
    return new ObjectMapper().writeValueAsBytes(r.structuredContent()).length;
  }

  private static long percentile(long[] sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
