package io.artifact.e2e.stack.mcp.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.stack.fly.App;
import io.artifact.e2e.stack.fly.FlyPlatform;
import io.artifact.e2e.stack.fly.Machine;
import io.artifact.e2e.stack.fly.MachineState;
import io.artifact.e2e.stack.fly.PlatformException;
import io.artifact.e2e.stack.nfs.NfsMounts;
import io.artifact.e2e.stack.nfs.NfsUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explains, without changing anything, how the router would resolve a host and path: which router
 * app serves the host, the computer and agent it names, whether they exist on NFS, the agent's
 * instance file ({@code ROOT/<computer>/exec/<agent>.json}, stack-contract.md §1.3), the Machine
 * it names and its state, and the fly-replay target the router would answer with (§2.6).
 */
public final class RouterTrace {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlyPlatform fly;

  public RouterTrace(FlyPlatform fly) {
    this.fly = fly;
  }

  /** The router app serving {@code host} (by its certificates), or a not-found failure. */
  public App routerFor(String host) {
    return fly.appForHostname(host.replaceFirst(":\\d+$", ""))
        .orElseThrow(() -> PlatformException.notFound("no app serves host " + host + " (no certificate matches it)"));
  }

  public Map<String, Object> trace(String host, String path) {
    App router = routerFor(host);
    Map<String, String> env = routerEnv(router);
    String base = env.getOrDefault("DC_DOMAIN", "");
    HostRoute route = HostRoute.classify(host, base);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("host", host);
    t.put("path", path);
    t.put("router_app", router.name());
    t.put("base_domain", base);
    t.put("kind", route.kind());
    t.put("computer", route.computer());
    t.put("agent", route.agent());
    if (route.error() != null) return decide(t, "500 " + route.error());
    if (route.kind().equals("base")) return decide(t, "307 to <computer>." + base + path + " after creating the caller's computer");
    Path root;
    try {
      root = fly.services().get(NfsMounts.class).mount(env.get("DC_NFS"));
    } catch (NfsUnavailableException e) {
      return decide(t, "500 " + e.getMessage());
    }
    Path computer = root.resolve(route.computer());
    boolean computerExists = Files.isDirectory(computer.resolve("agents")) && Files.isDirectory(computer.resolve("exec"))
        && Files.isDirectory(computer.resolve("repos"));
    t.put("computer_exists", computerExists);
    if (route.kind().equals("computer")) {
      return decide(t, computerExists ? "307 to <landing-agent>--" + route.computer() + "." + base + path : "404 Computer not found");
    }
    boolean agentExists = Files.isDirectory(computer.resolve("agents").resolve(route.agent()));
    t.put("agent_exists", agentExists);
    if (!agentExists) return decide(t, "404 Agent not found");
    return instance(t, computer.resolve("exec").resolve(route.agent() + ".json"), env.get("DC_WORKER_POOL_APP"));
  }

  private Map<String, Object> instance(Map<String, Object> t, Path file, String pool) {
    if (!Files.isRegularFile(file)) {
      t.put("instance_file", Map.of("path", file.getFileName().toString(), "present", false));
      return decide(t, "queue the instance (software=running, hardware=queued), kick exec, wait for a Machine");
    }
    JsonNode inst;
    try {
      inst = JSON.readTree(file.toFile());
    } catch (java.io.IOException e) {
      t.put("instance_file", Map.of("path", file.getFileName().toString(), "present", true, "error", e.getMessage()));
      return decide(t, "500 unreadable instance file: " + e.getMessage());
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("path", file.getFileName().toString());
    f.put("present", true);
    f.put("software", inst.path("software").asText(null));
    f.put("hardware", inst.path("hardware").asText(null));
    f.put("machine_id", inst.path("machineId").asText(null));
    t.put("instance_file", f);
    String machineId = inst.path("machineId").asText(null);
    t.put("machine_id", machineId);
    if (machineId != null && pool != null) {
      t.put("machine_state", fly.findApp(pool).flatMap(a -> a.machines().stream().filter(m -> m.id().equals(machineId)).findFirst())
          .map(Machine::state).map(MachineState::wire).orElse("missing"));
    }
    if ("running".equals(f.get("hardware")) && machineId != null) {
      t.put("replay", Map.of("app", pool, "instance", machineId));
      return decide(t, "202 fly-replay to app " + pool + " instance " + machineId);
    }
    return decide(t, "kick exec and wait: hardware is " + f.get("hardware"));
  }

  private static Map<String, String> routerEnv(App router) {
    Map<String, String> env = new LinkedHashMap<>();
    router.machines().stream().filter(m -> m.state() != MachineState.DESTROYED).findFirst()
        .ifPresent(m -> m.config().path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
    return env;
  }

  private static Map<String, Object> decide(Map<String, Object> t, String decision) {
    t.put("decision", decision);
    return t;
  }
}
