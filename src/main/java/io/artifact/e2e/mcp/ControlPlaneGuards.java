package io.artifact.e2e.mcp;

import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.world.ScenarioWorld;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * CONTROL-040's guards: flyctl commands off the {@code fly.run} allow-list (E2E.md "Automation
 * Hooks") and secret values handed to the control plane, which it must never show again — not in a
 * tool answer, not in the audit trail ({@code {app, user, tool, params-hash}}, stack-contract.md §6.2),
 * not in the app's log. Secret values are made fresh per scenario, so finding one anywhere can only
 * mean it was echoed.
 */
public final class ControlPlaneGuards {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LOG_LINES = 500;

  private final ScenarioWorld world;
  private final ControlPlaneScenario cp;
  private final List<String> secrets = new ArrayList<>();

  public ControlPlaneGuards(ScenarioWorld world, ControlPlaneScenario cp) {
    this.world = world;
    this.cp = cp;
  }

  /** {@code fly machine destroy} is flyctl's, and off the allow-list: the Machine this scenario created, forced. */
  public ToolCall destroyCreatedMachineWithFlyctl() {
    return cp.call("fly.run", Map.of("args", List.of("machine", "destroy", cp.createdMachine(), "--force", "-a", cp.slice().workerPoolApp())));
  }

  /** Whether Fly still lists the created Machine, not destroyed. */
  public boolean createdMachineStillThere() {
    try {
      MachineInfo m = world.fly().machine(cp.slice().workerPoolApp(), cp.createdMachine());
      return m != null && !m.state().equals("destroyed") && !m.state().equals("destroying");
    } catch (FlyApiException e) {
      if (e.status() == 404) return false;
      throw e;
    }
  }

  /** {@code infra.set_secret} of a Clerk secret key (a fresh {@code sk_test_…}, fly-facts.md §9.4) on the worker pool. */
  public ToolCall setClerkSecretOnWorkerPool() {
    String value = fresh("sk_test_e2e_");
    return cp.call("infra.set_secret", Map.of("app", cp.slice().workerPoolApp(), "name", "CLERK_SECRET_KEY", "value", value));
  }

  /** A Fly token ({@code FlyV1 fm2_…}) passed to flyctl as {@code --access-token}, which fly.run does not accept. */
  public ToolCall passFlyTokenToFlyctl() {
    String token = "FlyV1 fm2_" + fresh("e2e");
    return cp.call("fly.run", Map.of("args", List.of("status", "-a", cp.slice().workerPoolApp(), "--access-token", token)));
  }

  /** Where a secret of this scenario shows up: one line per place (empty: nowhere). */
  public List<String> whereSecretsShow() {
    String app = cp.slice().workerPoolApp();
    List<String> found = new ArrayList<>();
    for (ToolCall c : cp.calls()) {
      if (showsSecret(c.text() + " " + c.structured())) found.add("the answer to " + c.tool());
    }
    for (AuditRecord e : cp.audit(app)) {
      if (showsSecret(e.toString())) found.add("the audit entry " + e.tool() + " " + e.at());
    }
    for (LogLine l : world.fly().logs(app, null, LOG_LINES)) {
      if (showsSecret(l.message())) found.add("the log of " + app + " at " + l);
    }
    return found.stream().map(world.redactor()::redact).toList();
  }

  private boolean showsSecret(String text) {
    return secrets.stream().anyMatch(text::contains);
  }

  private String fresh(String prefix) {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    String value = prefix + HexFormat.of().formatHex(b);
    world.redactor().secret(value);
    secrets.add(value);
    return value;
  }
}
