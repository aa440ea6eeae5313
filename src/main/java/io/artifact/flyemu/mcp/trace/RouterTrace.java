package io.artifact.flyemu.mcp.trace;

import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.PlatformException;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.NfsMounts;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import io.artifact.flyemu.router.Host;
import io.artifact.flyemu.router.HostnameException;
import io.artifact.flyemu.router.Hostnames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Explains, without changing anything, how the router would resolve a host and path: which router
 * app serves the host, the computer and agent it names (the router's own {@link Hostnames} rules),
 * whether they exist on NFS ({@link ComputerStore}), the agent's instance file, the Machine it
 * names and its state, and the fly-replay target the router would answer with (stack-contract.md §2).
 */
public final class RouterTrace {

  private final FlyPlatform fly;

  public RouterTrace(FlyPlatform fly) {
    this.fly = fly;
  }

  /** The router app serving {@code host} (by its certificates), or a not-found failure. */
  public App routerFor(String host) {
    return fly.appForHostname(bare(host))
        .orElseThrow(() -> PlatformException.notFound("no app serves host " + host + " (no certificate matches it)"));
  }

  public Map<String, Object> trace(String host, String path) {
    App router = routerFor(host);
    Map<String, String> env = routerEnv(router);
    String base = env.getOrDefault("DC_DOMAIN", "");
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("host", host);
    t.put("path", path);
    t.put("router_app", router.name());
    t.put("base_domain", base);
    Host route;
    try {
      route = Hostnames.classify(bare(host), base);
    } catch (HostnameException e) {
      t.put("kind", "invalid");
      return decide(t, "500 " + e.getMessage());
    }
    if (route instanceof Host.Base) {
      t.put("kind", "base");
      return decide(t, "307 to <computer>." + base + path + " after creating the caller's computer");
    }
    ComputerStore store;
    try {
      store = new ComputerStore(NfsRoot.at(fly.services().get(NfsMounts.class).mount(env.get("DC_NFS"))));
    } catch (NfsUnavailableException e) {
      return decide(t, "500 " + e.getMessage());
    }
    if (route instanceof Host.Computer c) return computer(t, store, c.computer(), base, path);
    Host.Agent a = (Host.Agent) route;
    t.put("kind", "agent");
    t.put("computer", a.computer());
    t.put("agent", a.agent());
    t.put("computer_exists", store.computerExists(a.computer()));
    boolean agentExists = store.agentExists(a.computer(), a.agent());
    t.put("agent_exists", agentExists);
    if (!agentExists) return decide(t, "404 Agent not found");
    return instance(t, store, a, env.get("DC_WORKER_POOL_APP"));
  }

  private static Map<String, Object> computer(Map<String, Object> t, ComputerStore store, String computer, String base, String path) {
    t.put("kind", "computer");
    t.put("computer", computer);
    boolean exists = store.computerExists(computer);
    t.put("computer_exists", exists);
    if (!exists) return decide(t, "404 Computer not found");
    Optional<String> landing = store.landingAgent(computer);
    t.put("agent", landing.orElse(null));
    return decide(t, "307 to " + landing.orElse("<new landing agent>") + "--" + computer + "." + base + path);
  }

  private Map<String, Object> instance(Map<String, Object> t, ComputerStore store, Host.Agent a, String pool) {
    Optional<Instance> inst;
    try {
      inst = store.instances().read(a.computer(), a.agent());
    } catch (RuntimeException e) {
      t.put("instance_file", Map.of("path", a.agent() + ".json", "present", true, "error", String.valueOf(e.getMessage())));
      return decide(t, "500 unreadable instance file: " + e.getMessage());
    }
    if (inst.isEmpty()) {
      t.put("instance_file", Map.of("path", a.agent() + ".json", "present", false));
      return decide(t, "queue the instance (software=running, hardware=queued), kick exec, wait for a Machine");
    }
    Instance i = inst.get();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("path", a.agent() + ".json");
    f.put("present", true);
    f.put("software", i.software().wire());
    f.put("hardware", i.hardware().wire());
    f.put("machine_id", i.machineId());
    t.put("instance_file", f);
    t.put("machine_id", i.machineId());
    if (i.machineId() != null && pool != null) {
      t.put("machine_state", fly.findApp(pool).flatMap(app -> app.machines().stream().filter(m -> m.id().equals(i.machineId())).findFirst())
          .map(Machine::state).map(MachineState::wire).orElse("missing"));
    }
    if (i.hardware() == Instance.Hardware.RUNNING && i.machineId() != null) {
      t.put("replay", Map.of("app", pool, "instance", i.machineId()));
      return decide(t, "202 fly-replay to app " + pool + " instance " + i.machineId());
    }
    return decide(t, "kick exec and wait: hardware is " + i.hardware().wire());
  }

  private static Map<String, String> routerEnv(App router) {
    Map<String, String> env = new LinkedHashMap<>();
    router.machines().stream().filter(m -> m.state() != MachineState.DESTROYED).findFirst()
        .ifPresent(m -> m.config().path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
    return env;
  }

  private static String bare(String host) {
    return host.replaceFirst(":\\d+$", "");
  }

  private static Map<String, Object> decide(Map<String, Object> t, String decision) {
    t.put("decision", decision);
    return t;
  }
}
