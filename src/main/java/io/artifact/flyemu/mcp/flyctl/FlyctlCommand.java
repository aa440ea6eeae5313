package io.artifact.flyemu.mcp.flyctl;

import io.artifact.flyemu.mcp.tools.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flyctl argument list, parsed far enough to know which command it is and which app it acts on.
 * A command the emulated flyctl does not know is refused here; whether a known one may run is the
 * allow-list's to say ({@link FlyRunAllowList}); a command with a bad flag or arity carries the
 * error flyctl itself would print ({@code usageError}). Refusals show the command line with secret
 * values masked ({@link #shown}), never as given.
 */
public record FlyctlCommand(Kind kind, String app, List<String> ids, Map<String, String> flags, String usageError) {

  /** The commands the emulated flyctl knows and the flags each accepts (besides -a/--app and -j/--json). */
  public enum Kind {
    MACHINE_LIST("machine list", Set.of("quiet")),
    MACHINE_STATUS("machine status", Set.of("display-config")),
    MACHINE_START("machine start", Set.of()),
    MACHINE_STOP("machine stop", Set.of("signal", "timeout", "wait-timeout")),
    MACHINE_RESTART("machine restart", Set.of("signal", "time", "force", "skip-health-checks")),
    STATUS("status", Set.of()),
    LOGS("logs", Set.of("no-tail", "machine", "region")),
    SECRETS_LIST("secrets list", Set.of()),
    /** Known to flyctl, and off the allow-list: destructive. */
    MACHINE_DESTROY("machine destroy", Set.of("force"));

    public final String words;
    final Set<String> flags;

    Kind(String words, Set<String> flags) {
      this.words = words;
      this.flags = flags;
    }
  }

  public static final String ALLOW_LIST = "machine list|status|start|stop|restart, status, logs --no-tail, secrets list";

  private static final Map<String, String> SHORT = Map.of("a", "app", "j", "json", "q", "quiet", "d", "display-config",
      "s", "signal", "w", "wait-timeout", "m", "machine", "i", "machine", "r", "region", "n", "no-tail");
  private static final Set<String> VALUED = Set.of("app", "signal", "timeout", "wait-timeout", "time", "machine", "region",
      "config", "access-token", "instance");

  public boolean json() {
    return flags.containsKey("json");
  }

  public static FlyctlCommand parse(List<String> argv) {
    List<String> args = new ArrayList<>(argv);
    if (!args.isEmpty() && (args.get(0).equals("fly") || args.get(0).equals("flyctl"))) args.remove(0);
    String line = shown(args);
    List<String> words = new ArrayList<>();
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-") || a.equals("-")) {
        words.add(a);
        continue;
      }
      boolean isLong = a.startsWith("--");
      String body = a.substring(isLong ? 2 : 1);
      String value = null;
      if (body.contains("=")) {
        value = body.substring(body.indexOf('=') + 1);
        body = body.substring(0, body.indexOf('='));
      }
      String name = isLong ? body : SHORT.getOrDefault(body, "?" + body);
      if (name.equals("instance")) name = "machine";
      if (value == null && VALUED.contains(name) && i + 1 < args.size()) value = args.get(++i);
      if (name.startsWith("?")) unknown.add("unknown shorthand flag: '" + body + "' in " + a);
      else flags.put(name, value == null ? "true" : value);
    }
    String app = flags.get("app");
    Kind kind;
    try {
      kind = kindOf(words, line);
    } catch (ToolException e) {
      throw app == null ? e : e.about(app);
    }
    if (flags.containsKey("config") || flags.containsKey("access-token")) {
      throw ToolException.refused("fly.run refused '" + line + "': --config and --access-token are not accepted; "
          + "name the app with -a/--app so the call can be authorized (the control plane holds the token)").about(app == null ? "-" : app);
    }
    if (kind == Kind.LOGS && !flags.containsKey("no-tail")) {
      throw ToolException.refused("fly.run refused '" + line + "': streaming logs are not allowed; use 'fly logs --no-tail' or fly.logs")
          .about(app == null ? "-" : app);
    }
    int commandWords = kind.words.split(" ").length;
    List<String> ids = words.subList(Math.min(commandWords, words.size()), words.size());
    return new FlyctlCommand(kind, app, List.copyOf(ids), flags, usageError(kind, flags, unknown, ids));
  }

  private static Kind kindOf(List<String> words, String line) {
    String first = words.isEmpty() ? "" : words.get(0);
    String second = words.size() > 1 ? words.get(1) : "";
    Kind k = switch (first) {
      case "machine", "machines", "m" -> switch (second) {
        case "list", "ls" -> Kind.MACHINE_LIST;
        case "status" -> Kind.MACHINE_STATUS;
        case "start" -> Kind.MACHINE_START;
        case "stop" -> Kind.MACHINE_STOP;
        case "restart" -> Kind.MACHINE_RESTART;
        case "destroy", "rm", "remove" -> Kind.MACHINE_DESTROY;
        default -> null;
      };
      case "status" -> Kind.STATUS;
      case "logs" -> Kind.LOGS;
      case "secrets" -> second.equals("list") || second.equals("ls") ? Kind.SECRETS_LIST : null;
      default -> null;
    };
    if (k == null) {
      String refused = (first + " " + (first.matches("machines?|m|secrets") ? second : "")).trim();
      throw ToolException.refused("fly.run refused '" + line + "': 'fly " + refused + "' is not on the allow-list (" + ALLOW_LIST + ")");
    }
    return k;
  }

  /**
   * The command line as refusals and answers may show it: the value of {@code --access-token}/{@code -t}
   * and of any {@code NAME=VALUE} word (as {@code secrets set} takes them) masked.
   */
  public static String shown(List<String> argv) {
    List<String> out = new ArrayList<>();
    boolean token = false;
    for (String a : argv) {
      if (token) {
        out.add("***");
        token = false;
      } else if (a.matches("--access-token=.*|-t=.*")) {
        out.add(a.substring(0, a.indexOf('=') + 1) + "***");
      } else if (a.equals("--access-token") || a.equals("-t")) {
        out.add(a);
        token = true;
      } else if (!a.startsWith("-") && a.matches("[A-Za-z_][A-Za-z0-9_]*=.+")) {
        out.add(a.substring(0, a.indexOf('=') + 1) + "***");
      } else {
        out.add(a);
      }
    }
    if (!out.isEmpty() && (out.get(0).equals("fly") || out.get(0).equals("flyctl"))) out.remove(0);
    return "fly " + String.join(" ", out);
  }

  private static String usageError(Kind kind, Map<String, String> flags, List<String> unknown, List<String> ids) {
    if (!unknown.isEmpty()) return unknown.get(0);
    for (String f : flags.keySet()) {
      if (!f.equals("app") && !f.equals("json") && !f.equals("verbose") && !kind.flags.contains(f)) return "unknown flag: --" + f;
    }
    if (!flags.containsKey("app")) {
      return "the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag";
    }
    return switch (kind) {
      case MACHINE_STATUS -> ids.size() == 1 ? null : "accepts 1 arg(s), received " + ids.size();
      case MACHINE_STOP, MACHINE_START -> ids.isEmpty() ? "a machine ID must be specified when not running interactively" : null;
      case MACHINE_RESTART, MACHINE_DESTROY -> ids.isEmpty() ? "requires at least 1 arg(s), only received 0" : null;
      default -> ids.isEmpty() ? null : "unknown command \"" + ids.get(0) + "\" for \"fly " + kind.words + "\"";
    };
  }
}
