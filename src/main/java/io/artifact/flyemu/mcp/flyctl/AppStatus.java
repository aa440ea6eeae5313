package io.artifact.flyemu.mcp.flyctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fly status [--json]}: the app object with keys sorted, listing only Machines that flyctl
 * shows (not destroyed or destroying, {@code fly_platform_version=v2}), ids descending
 * (fly-facts.md §5.2).
 */
final class AppStatus {

  private AppStatus() {}

  static FlyctlOutput render(App app, boolean json) {
    List<Machine> shown = app.machines().stream()
        .filter(m -> m.state() != MachineState.DESTROYED && m.state() != MachineState.DESTROYING)
        .filter(m -> FlyGoJson.isV2(m.config()))
        .sorted(Flyctl.byIdDescending()).toList();
    return json ? FlyctlOutput.ok(GoJson.encode(json(app, shown))) : FlyctlOutput.ok(text(app, shown));
  }

  private static ObjectNode json(App app, List<Machine> shown) {
    ObjectNode n = Flyctl.object();
    n.put("AppURL", "https://" + app.name() + ".fly.dev");
    n.put("Deployed", shown.stream().anyMatch(m -> m.state() == MachineState.STARTED));
    n.put("Hostname", app.name() + ".fly.dev");
    n.put("ID", app.name());
    ArrayNode machines = n.putArray("Machines");
    shown.forEach(m -> machines.add(FlyGoJson.machine(m)));
    n.put("Name", app.name());
    ObjectNode org = n.putObject("Organization");
    org.put("ID", app.org()).put("InternalNumericID", "0").put("Name", app.org()).put("Slug", app.org())
        .put("RawSlug", app.org()).put("PaidPlan", false);
    n.put("PlatformVersion", "machines");
    n.put("Status", app.status());
    n.put("Version", 0);
    return n;
  }

  private static String text(App app, List<Machine> shown) {
    String head = TextTable.vertical("App", List.of("Name", "Owner", "Hostname", "Platform"),
        List.of(app.name(), app.org(), app.name() + ".fly.dev", "machines"));
    if (shown.isEmpty()) return head + "No machines are available on this app " + app.name() + "\n";
    List<List<String>> rows = new ArrayList<>();
    for (Machine m : shown) {
      long passing = m.checks().stream().filter(c -> c.status().equals("passing")).count();
      String checks = m.checks().isEmpty() ? "" : m.checks().size() + " total, " + passing + " passing";
      rows.add(List.of(m.metadata().getOrDefault("fly_process_group", "app"), m.id(), "1", m.region(), m.state().wire(), "",
          checks, FlyGoJson.time(m.updatedAt())));
    }
    return head + TextTable.table("Machines", List.of("Process", "ID", "Version", "Region", "State", "Role", "Checks", "Last Updated"), rows);
  }
}
