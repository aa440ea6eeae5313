package io.artifact.flyemu.mcp.flyctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * flyctl's {@code render.Table} and {@code render.VerticalTable}: an optional bold title line,
 * upper-cased headers, left-aligned cells padded to the column width and tab-separated, then a
 * blank line. (Bold is dropped: fly.run output is not a terminal.)
 */
final class TextTable {

  private TextTable() {}

  static String table(String title, List<String> headers, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(headers.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList());
    all.addAll(rows);
    int cols = headers.size();
    int[] width = new int[cols];
    for (List<String> r : all) for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], r.get(i).length());
    StringBuilder sb = new StringBuilder();
    if (title != null && !title.isEmpty()) sb.append(title).append('\n');
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(i == cols - 1 ? r.get(i) : pad(r.get(i), width[i])).append(i == cols - 1 ? "" : "\t");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.append('\n').toString();
  }

  static String vertical(String title, List<String> names, List<String> values) {
    int w = names.stream().mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    if (title != null && !title.isEmpty()) sb.append(title).append('\n');
    for (int i = 0; i < names.size(); i++) {
      sb.append("  ").append(pad(names.get(i), w)).append(" = ").append(values.get(i)).append('\n');
    }
    return sb.append('\n').toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }
}
