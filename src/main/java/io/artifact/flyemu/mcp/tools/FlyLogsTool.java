package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code fly.logs(app, machine?, limit, since?)}: the newest log lines, bounded by count (1–500)
 * and time window ({@code since} is an RFC 3339 instant or a duration such as {@code 10m}).
 */
public final class FlyLogsTool implements ControlTool {

  private final FlyPlatform fly;
  private final Supplier<Instant> clock;

  public FlyLogsTool(FlyPlatform fly, Supplier<Instant> clock) {
    this.fly = fly;
    this.clock = clock;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> line = Schema.object().open()
        .required("timestamp", Schema.string("RFC 3339")).required("instance", Schema.string("Machine id"))
        .required("region", Schema.string("region")).required("level", Schema.string("level"))
        .required("message", Schema.string("the line")).build();
    return McpSchema.Tool.builder().name("fly.logs").title("Fly logs")
        .description("Returns an app's newest log lines (like fly logs --no-tail), bounded by count and time window.")
        .inputSchema(Schema.object()
            .required("app", Schema.string("app name", Schema.APP_NAME))
            .optional("machine", Schema.string("only this Machine's lines", Schema.MACHINE_ID))
            .required("limit", Schema.integer("at most this many lines (newest)", 1, 500))
            .optional("since", Schema.string("RFC 3339 instant, or a duration like 30s, 10m, 2h", "^([0-9]+(s|m|h)|[0-9]{4}-.+)$")).build())
        .outputSchema(Schema.object().open()
            .required("lines", Schema.array("log lines, oldest first", line))
            .required("truncated", Schema.bool("true when older lines in the window were left out")).build())
        .build();
  }

  @Override
  public ToolResult call(Args args, Grant caller) {
    Instant since = args.optString("since").map(this::since).orElse(Instant.EPOCH);
    int limit = args.integer("limit", 100);
    List<LogEntry> window = fly.logs(args.string("app"), null, args.optString("machine").orElse(null), Integer.MAX_VALUE).stream()
        .filter(e -> !e.timestamp().isBefore(since)).toList();
    List<LogEntry> kept = window.subList(Math.max(0, window.size() - limit), window.size());
    List<Map<String, Object>> lines = kept.stream().map(FlyLogsTool::line).toList();
    StringBuilder text = new StringBuilder();
    kept.forEach(e -> text.append(e.timestamp()).append(" app[").append(e.instance()).append("] ").append(e.region())
        .append(" [").append(e.level()).append("] ").append(e.message()).append('\n'));
    return ToolResult.ok(Map.of("lines", lines, "truncated", window.size() > kept.size()),
        text.length() == 0 ? "no log lines for " + args.string("app") + " in that window" : text.toString());
  }

  private Instant since(String s) {
    try {
      if (s.matches("[0-9]+[smh]")) {
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        Duration d = switch (s.charAt(s.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
        return clock.get().minus(d);
      }
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw ToolException.invalid("since: '" + s + "' is neither an RFC 3339 instant nor a duration like 10m");
    }
  }

  private static Map<String, Object> line(LogEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", e.timestamp().toString());
    m.put("instance", e.instance());
    m.put("region", e.region());
    m.put("level", e.level());
    m.put("message", e.message());
    return m;
  }
}
