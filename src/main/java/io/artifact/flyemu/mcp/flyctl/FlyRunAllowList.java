package io.artifact.flyemu.mcp.flyctl;

import io.artifact.flyemu.mcp.tools.ToolException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which flyctl commands {@code fly.run} may run (E2E.md "Automation Hooks": an allow-list): reading
 * and the Machine lifecycle, never destroying. A strategy, so the defective control plane is a list
 * of its own rather than a flag inside the check.
 */
@FunctionalInterface
public interface FlyRunAllowList {

  Set<FlyctlCommand.Kind> DOCUMENTED_KINDS = EnumSet.of(FlyctlCommand.Kind.MACHINE_LIST, FlyctlCommand.Kind.MACHINE_STATUS,
      FlyctlCommand.Kind.MACHINE_START, FlyctlCommand.Kind.MACHINE_STOP, FlyctlCommand.Kind.MACHINE_RESTART, FlyctlCommand.Kind.STATUS,
      FlyctlCommand.Kind.LOGS, FlyctlCommand.Kind.SECRETS_LIST);

  FlyRunAllowList DOCUMENTED = (command, shown) -> {
    if (!DOCUMENTED_KINDS.contains(command.kind())) {
      throw ToolException.refused("fly.run refused '" + shown + "': 'fly " + command.kind().words + "' is not on the allow-list ("
          + FlyctlCommand.ALLOW_LIST + ")").about(command.app() == null ? "-" : command.app());
    }
  };

  /** Defect {@code run-any-command}: whatever flyctl knows runs, destroying included. */
  FlyRunAllowList ANY_KNOWN_COMMAND = (command, shown) -> {};

  /** Refuses {@code command} (shown to the caller as {@code shown}) unless it may run. */
  void check(FlyctlCommand command, String shown);
}
