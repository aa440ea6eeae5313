package io.artifact.flyemu.mcp.flyctl;

import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code fly machine status <id>}: the header lines, the VM vertical table and the event log table. */
final class MachineStatusText {

  private MachineStatusText() {}

  static FlyctlOutput render(Machine m, boolean displayConfig) {
    StringBuilder out = new StringBuilder();
    out.append("Machine ID: ").append(m.id()).append('\n');
    out.append("Instance ID: ").append(m.instanceId()).append('\n');
    out.append("State: ").append(m.state().wire()).append("\n\n");
    var guest = m.config().path("guest");
    List<String> names = new ArrayList<>(List.of("ID", "Instance ID", "State", "Image", "Name", "Private IP", "Region",
        "Process Group", "Memory", "CPUs", "Created", "Updated", "Command"));
    List<String> values = new ArrayList<>(List.of(m.id(), m.instanceId(), m.state().wire(), m.image(), m.name(), m.privateIp(),
        m.region(), m.metadata().getOrDefault("process_group", ""), String.valueOf(guest.path("memory_mb").asInt(256)),
        String.valueOf(guest.path("cpus").asInt(1)), FlyGoJson.time(m.createdAt()), FlyGoJson.time(m.updatedAt()),
        String.join(" ", strings(m.config().path("init").path("cmd")))));
    String volume = m.config().path("mounts").path(0).path("volume").asText("");
    if (!volume.isEmpty()) {
      names.add("Volume");
      values.add(volume);
    }
    out.append(TextTable.vertical("VM", names, values));
    List<List<String>> events = new ArrayList<>();
    for (MachineEvent e : m.events()) {
      String info = e.exitCode() == null ? "" : "exit_code=" + e.exitCode() + ",oom_killed=false,requested_stop=" + !"flyd".equals(e.source());
      events.add(List.of(e.status(), e.type(), e.source(), Instant.ofEpochMilli(e.timestamp()).toString(), info));
    }
    out.append(TextTable.table("Event Logs", List.of("State", "Event", "Source", "Timestamp", "Info"), events));
    if (displayConfig) out.append("\nConfig:\n").append(GoJson.encode(m.config()).replace("    ", "  "));
    return FlyctlOutput.ok(out.toString());
  }

  private static List<String> strings(com.fasterxml.jackson.databind.JsonNode arr) {
    List<String> s = new ArrayList<>();
    arr.forEach(n -> s.add(n.asText()));
    return s;
  }
}
