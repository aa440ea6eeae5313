package io.artifact.flyemu.exec;

import io.artifact.flyemu.fly.Poller;
import io.artifact.flyemu.net.NetworkClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Pings a booting worker over the private network ({@code <id>.vm.<pool>.internal:8080}), then
 * calls its MCP {@code load} tool with the SDK client (stack-contract.md §3.6). While pings fail it
 * asks the Machines API (at most every 100 ms) whether the Machine is still alive, so a crash
 * mid-boot is seen at once instead of after the ping timeout.
 */
public final class McpAgentLoader implements AgentLoader {

  /** How often a failing ping is followed by a Machines API look (pings are cheaper and far more frequent). */
  private static final Duration STATE_CHECK_EVERY = Duration.ofMillis(100);
  private static final Set<String> DEAD = Set.of("stopped", "stopping", "destroyed", "destroying", "failed", "suspended");

  private final NetworkClient network;
  private final String poolApp;
  private final WorkerPool pool;
  private final Poller poller;
  private final Duration pingInterval;
  private final Duration pingTimeout;

  public McpAgentLoader(NetworkClient network, String poolApp, WorkerPool pool, Poller poller, Duration pingInterval, Duration pingTimeout) {
    this.network = network;
    this.poolApp = poolApp;
    this.pool = pool;
    this.poller = poller;
    this.pingInterval = pingInterval;
    this.pingTimeout = pingTimeout;
  }

  @Override
  public void awaitBoot(String machineId) {
    long[] nextStateCheck = {System.nanoTime() + STATE_CHECK_EVERY.toNanos()};
    try {
      poller.await(pingInterval, pingTimeout, () -> ping(machineId, nextStateCheck));
    } catch (TimeoutException e) {
      throw new BootFailedException("Timed out waiting for agent ping response from " + machineId);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BootFailedException b) throw b;
      throw new BootFailedException("ping of " + machineId + " failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BootFailedException("interrupted while waiting for " + machineId);
    }
  }

  private Optional<Boolean> ping(String machineId, long[] nextStateCheck) throws InterruptedException {
    try {
      int status = network.get(base(machineId) + "/ping", pingInterval.plusSeconds(2)).statusCode();
      if (status / 100 == 2) return Optional.of(true);
    } catch (java.io.IOException e) {
      // not reachable yet; the state check below tells a slow boot from a dead Machine
    }
    if (System.nanoTime() < nextStateCheck[0]) return Optional.empty();
    nextStateCheck[0] = System.nanoTime() + STATE_CHECK_EVERY.toNanos();
    Optional<String> state = pool.state(machineId);
    if (state.isEmpty()) throw new BootFailedException("machine " + machineId + " vanished while booting");
    if (DEAD.contains(state.get())) throw new BootFailedException("machine " + machineId + " is " + state.get() + " while booting");
    return Optional.empty();
  }

  @Override
  public void load(String machineId, String computer, String agent) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base(machineId))
        .clientBuilder(network.sharedClientBuilder()).endpoint("/").build();
    try (McpSyncClient client = McpClient.sync(transport).requestTimeout(pingTimeout)
        .clientInfo(new McpSchema.Implementation("exec", "0.0.0")).build()) {
      client.initialize();
      client.listTools();
      McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder("load")
          .arguments(Map.of("computerId", computer, "agentId", agent)).build());
      if (Boolean.TRUE.equals(r.isError()) || !(r.structuredContent() instanceof Map<?, ?> m) || !Boolean.TRUE.equals(m.get("ok"))) {
        throw new LoadFailedException("Failed to load agent " + agent + " on " + machineId + ": " + r.content(), null);
      }
    } catch (LoadFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LoadFailedException("Failed to load agent " + agent + " on " + machineId + ": " + e.getMessage(), e);
    }
  }

  private String base(String machineId) {
    return "http://" + machineId + ".vm." + poolApp + ".internal:8080";
  }
}
