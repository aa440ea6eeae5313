package io.artifact.flyemu.mcp.flyctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as flyctl prints it: Go's {@code encoding/json} encoder with a 4-space indent
 * ({@code render.JSON}), {@code "key": value}, {@code []} / {@code {}} for empty containers,
 * {@code <>&} escaped as {@code \u003c} etc., and a trailing newline (fly-facts.md §5.2).
 */
public final class GoJson {

  private GoJson() {}

  public static String encode(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(sb, node, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, JsonNode n, int depth) {
    if (n == null || n.isNull() || n.isMissingNode()) sb.append("null");
    else if (n.isTextual()) quote(sb, n.textValue());
    else if (n.isNumber() || n.isBoolean()) sb.append(n.asText());
    else if (n.isArray()) container(sb, n.elements(), null, depth, '[', ']');
    else container(sb, null, n.fields(), depth, '{', '}');
  }

  private static void container(StringBuilder sb, Iterator<JsonNode> items, Iterator<Map.Entry<String, JsonNode>> fields,
      int depth, char open, char close) {
    boolean empty = items != null ? !items.hasNext() : !fields.hasNext();
    sb.append(open);
    if (empty) {
      sb.append(close);
      return;
    }
    boolean first = true;
    while (items != null ? items.hasNext() : fields.hasNext()) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, depth + 1);
      if (items != null) {
        write(sb, items.next(), depth + 1);
      } else {
        Map.Entry<String, JsonNode> e = fields.next();
        quote(sb, e.getKey());
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
      }
    }
    sb.append('\n');
    indent(sb, depth);
    sb.append(close);
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append("    ".repeat(depth));
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
