package io.artifact.flyemu.mcp.flyctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.PlatformException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The embedded host's flyctl: answers an allow-listed command with what flyctl prints for it
 * (fly-facts.md §5.2), computed from the embedded platform. Waits are the platform's bounded
 * {@code waitFor}, never sleeps.
 */
public final class Flyctl {

  private final FlyPlatform fly;

  public Flyctl(FlyPlatform fly) {
    this.fly = fly;
  }

  public FlyctlOutput run(FlyctlCommand c) {
    if (c.usageError() != null) return FlyctlOutput.error(c.usageError());
    try {
      return switch (c.kind()) {
        case MACHINE_LIST -> machineList(c);
        case MACHINE_STATUS -> MachineStatusText.render(machine(c, c.ids().get(0)), c.flags().containsKey("display-config"));
        case MACHINE_START -> forEach(c, this::start);
        case MACHINE_STOP -> forEach(c, m -> stop(m, seconds(c, "wait-timeout", 30)));
        case MACHINE_RESTART -> forEach(c, this::restart);
        case STATUS -> AppStatus.render(fly.app(c.app()), c.json());
        case LOGS -> logs(c);
        case SECRETS_LIST -> secrets(c);
        case MACHINE_DESTROY -> forEach(c, m -> destroy(m, c.flags().containsKey("force")));
      };
    } catch (PlatformException e) {
      return FlyctlOutput.error(prefix(c) + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FlyctlOutput(127, "", "Error: interrupted\n");
    }
  }

  private interface MachineAction {
    String apply(Machine m) throws InterruptedException;
  }

  private FlyctlOutput forEach(FlyctlCommand c, MachineAction action) throws InterruptedException {
    StringBuilder out = new StringBuilder();
    for (String id : c.ids()) {
      Machine m = machine(c, id);
      try {
        out.append(action.apply(m));
      } catch (PlatformException e) {
        String verb = c.kind().words.substring("machine ".length());
        return new FlyctlOutput(1, out.toString(), "Error: could not " + verb + " machine " + id + ": " + e.getMessage() + "\n");
      }
    }
    return FlyctlOutput.ok(out.toString());
  }

  private String destroy(Machine m, boolean force) {
    String state = m.state().wire();
    m.destroy(force);
    return "machine " + m.id() + " was found and is currently in " + state + " state, attempting to destroy...\n"
        + m.id() + " has been destroyed\n";
  }

  private String start(Machine m) {
    m.start();
    return m.id() + " has been started\n";
  }

  private String stop(Machine m, int waitSeconds) throws InterruptedException {
    String out = "Sending kill signal to machine " + m.id() + "...\n";
    m.stop();
    try {
      fly.waitFor(m.app().name(), m.id(), "stopped", Duration.ofSeconds(waitSeconds));
    } catch (PlatformException e) {
      if (e.kind() == PlatformException.Kind.TIMEOUT) throw PlatformException.timeout("timeout reached waiting for machine's state to change");
      throw e;
    }
    return out + m.id() + " has been successfully stopped\n";
  }

  private String restart(Machine m) throws InterruptedException {
    String out = "Restarting machine " + m.id() + "\n";
    m.restart();
    fly.waitFor(m.app().name(), m.id(), "started", Duration.ofSeconds(60));
    return out + "Machine " + m.id() + " restarted successfully!\n";
  }

  private FlyctlOutput machineList(FlyctlCommand c) {
    List<Machine> machines = fly.machines(c.app(), false);
    if (c.json()) {
      ArrayNode arr = FlyGoJson.MAPPER.createArrayNode();
      machines.forEach(m -> arr.add(FlyGoJson.machine(m)));
      return FlyctlOutput.ok(GoJson.encode(arr));
    }
    StringBuilder out = new StringBuilder(machines.size() + " machines have been retrieved from app " + c.app() + ".\n"
        + "View them in the UI here (https://fly.io/apps/" + c.app() + "/machines/)\n\n");
    List<List<String>> rows = new ArrayList<>();
    for (Machine m : machines) {
      if (c.flags().containsKey("quiet")) {
        rows.add(List.of(m.id()));
        continue;
      }
      ImageRef ref = ImageRef.parse(m.image());
      String checks = m.checks().isEmpty() ? "" : m.checks().stream().filter(k -> k.status().equals("passing")).count() + "/" + m.checks().size();
      String volume = m.config().path("mounts").path(0).path("volume").asText("");
      String size = m.config().path("guest").path("cpu_kind").asText("shared") + "-cpu-" + m.config().path("guest").path("cpus").asInt(1)
          + "x:" + m.config().path("guest").path("memory_mb").asInt(256) + "MB";
      rows.add(List.of(m.id(), m.name(), m.state().wire(), checks, m.region(), "", ref.repository() + ":" + ref.tag(), m.privateIp(),
          volume, FlyGoJson.time(m.createdAt()), FlyGoJson.time(m.updatedAt()), m.metadata().getOrDefault("fly_process_group", ""), size));
    }
    List<String> headers = c.flags().containsKey("quiet") ? List.of("ID")
        : List.of("ID", "Name", "State", "Checks", "Region", "Role", "Image", "IP Address", "Volume", "Created", "Last Updated", "Process Group", "Size");
    return FlyctlOutput.ok(out + TextTable.table(c.app(), headers, rows));
  }

  private FlyctlOutput logs(FlyctlCommand c) {
    fly.app(c.app());
    String region = c.flags().get("region");
    StringBuilder out = new StringBuilder();
    for (LogEntry e : fly.logs(c.app(), null, c.flags().get("machine"), Integer.MAX_VALUE)) {
      if (region != null && !region.equals(e.region())) continue;
      out.append(c.json() ? GoJson.encode(FlyGoJson.logEntry(e))
          : e.timestamp().toString() + " app[" + e.instance() + "] " + e.region() + " [" + e.level() + "] " + e.message() + "\n");
    }
    return FlyctlOutput.ok(out.toString());
  }

  private FlyctlOutput secrets(FlyctlCommand c) {
    List<App.Secret> secrets = fly.app(c.app()).secrets();
    if (c.json()) {
      ArrayNode arr = FlyGoJson.MAPPER.createArrayNode();
      secrets.forEach(s -> arr.add(FlyGoJson.secret(s)));
      return FlyctlOutput.ok(GoJson.encode(arr));
    }
    List<List<String>> rows = secrets.stream().map(s -> List.of(s.name(), s.digest(), FlyGoJson.time(s.createdAt()))).toList();
    return FlyctlOutput.ok(TextTable.table("", List.of("Name", "Digest", "Created At"), rows));
  }

  private Machine machine(FlyctlCommand c, String id) {
    try {
      Machine m = fly.machine(c.app(), id);
      if (m.state() == MachineState.DESTROYED) throw PlatformException.notFound("machine not found");
      return m;
    } catch (PlatformException e) {
      if (e.getMessage().contains("app not found")) throw e;
      throw PlatformException.notFound("machine " + id + " was not found in app '" + c.app() + "'");
    }
  }

  private static String prefix(FlyctlCommand c) {
    return c.kind() == FlyctlCommand.Kind.MACHINE_LIST ? "failed to list VMs: " : "";
  }

  private static int seconds(FlyctlCommand c, String flag, int fallback) {
    try {
      int s = Integer.parseInt(c.flags().getOrDefault(flag, String.valueOf(fallback)).replaceAll("s$", ""));
      return Math.max(1, Math.min(60, s));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static Comparator<Machine> byIdDescending() {
    return Comparator.comparing(Machine::id).reversed();
  }

  static ObjectNode object() {
    return FlyGoJson.MAPPER.createObjectNode();
  }
}
