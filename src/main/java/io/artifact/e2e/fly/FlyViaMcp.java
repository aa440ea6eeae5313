package io.artifact.e2e.fly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.mcp.McpPort;
import io.artifact.e2e.mcp.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link FlyPort} with the operations the control plane guards going through its {@code fly.run}
 * and {@code fly.logs} tools ({@code fly.backend=mcp}; E2E.md "Automation Hooks"): Machine list,
 * start and stop, secrets list and bounded logs. What flyctl's allow-list does not cover (creating
 * apps, Machines and volumes, waits, certificates) stays on the Machines REST API.
 */
public final class FlyViaMcp implements FlyPort {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlyPort rest;
  private final Supplier<McpPort> mcp;

  public FlyViaMcp(FlyPort rest, Supplier<McpPort> mcp) {
    this.rest = rest;
    this.mcp = mcp;
  }

  @Override
  public List<MachineInfo> listMachines(String app) {
    JsonNode arr = json(flyctl("list Machines of", app, null, "machine", "list", "-a", app, "--json"));
    List<MachineInfo> out = new ArrayList<>();
    arr.forEach(n -> out.add(MachineInfo.from(n)));
    return out;
  }

  @Override
  public void startMachine(String app, String machineId) {
    flyctl("start", app, machineId, "machine", "start", machineId, "-a", app);
  }

  @Override
  public void stopMachine(String app, String machineId) {
    flyctl("stop", app, machineId, "machine", "stop", machineId, "-a", app);
  }

  @Override
  public List<String> secretNames(String app) {
    List<String> names = new ArrayList<>();
    json(flyctl("list secrets of", app, null, "secrets", "list", "-a", app, "--json")).forEach(s -> names.add(s.path("name").asText()));
    return names;
  }

  @Override
  public List<LogLine> logs(String app, String machineId, int max) {
    Map<String, Object> args = new HashMap<>(Map.of("app", app, "limit", Math.max(1, Math.min(500, max))));
    if (machineId != null) args.put("machine", machineId);
    ToolCall c = mcp.get().call("fly.logs", args);
    if (c.error()) throw new FlyApiException("read logs (fly.logs) of", app, machineId, c.httpStatus(), c.text());
    List<LogLine> out = new ArrayList<>();
    JSON.valueToTree(c.get("lines")).forEach(l -> out.add(new LogLine(l.path("timestamp").asText(), l.path("instance").asText(),
        l.path("region").asText(), l.path("level").asText(), l.path("message").asText())));
    return out;
  }

  private String flyctl(String operation, String app, String machineId, String... args) {
    ToolCall c = mcp.get().call("fly.run", Map.of("args", List.of(args)));
    if (c.error()) {
      String why = c.structured().containsKey("stderr") ? String.valueOf(c.get("stderr")).strip() : c.text();
      throw new FlyApiException(operation + " (fly.run)", app, machineId, c.httpStatus(), why);
    }
    return String.valueOf(c.get("stdout"));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new FlyApiException("parse flyctl --json output", null, null, 0, e.getMessage());
    }
  }

  // ---- not on the fly.run allow-list: the Machines API, as the REST backend does it ----

  @Override public AppInfo createApp(String name, String org) { return rest.createApp(name, org); }
  @Override public Optional<AppInfo> findApp(String name) { return rest.findApp(name); }
  @Override public List<AppInfo> listApps(String org) { return rest.listApps(org); }
  @Override public void destroyApp(String name) { rest.destroyApp(name); }
  @Override public MachineInfo machine(String app, String machineId) { return rest.machine(app, machineId); }
  @Override public MachineInfo createMachine(String app, MachineSpec spec) { return rest.createMachine(app, spec); }
  @Override public MachineInfo updateMachine(String app, String id, MachineSpec spec) { return rest.updateMachine(app, id, spec); }
  @Override public void suspendMachine(String app, String machineId) { rest.suspendMachine(app, machineId); }
  @Override public void destroyMachine(String app, String machineId, boolean force) { rest.destroyMachine(app, machineId, force); }
  @Override public MachineInfo awaitState(String app, String id, String state, Duration bound) { return rest.awaitState(app, id, state, bound); }
  @Override public void setSecrets(String app, Map<String, String> values) { rest.setSecrets(app, values); }
  @Override public MachineInfo updateMachineConfig(String app, String id, com.fasterxml.jackson.databind.JsonNode config) { return rest.updateMachineConfig(app, id, config); }
  @Override public Map<String, String> secretDigests(String app) { return rest.secretDigests(app); }
  @Override public List<VolumeInfo> listVolumes(String app) { return rest.listVolumes(app); }
  @Override public VolumeInfo createVolume(String app, String name, String region, int sizeGb) { return rest.createVolume(app, name, region, sizeGb); }
  @Override public void addCertificate(String app, String hostname) { rest.addCertificate(app, hostname); }
}
