package io.artifact.e2e.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The scenario matrix as ops read it: for each matrix id ({@code @ROUTER-001}, {@code @BASELINE}),
 * how many happy and unhappy rows ran and passed, and which failed. Fed one finished scenario at a time.
 */
public final class MatrixSummary {

  private static final Pattern MATRIX_ID = Pattern.compile("@[A-Z]+(-\\d+)?");

  /** One row of the matrix: counts per variant and the names of failed scenarios. */
  public record Row(String id, int happyPassed, int happyRun, int unhappyPassed, int unhappyRun, List<String> failed) {}

  private final Map<String, int[]> counts = new TreeMap<>();
  private final Map<String, List<String>> failures = new TreeMap<>();

  public synchronized void add(String scenario, Collection<String> tags, boolean passed) {
    String variant = tags.contains("@unhappy") ? "unhappy" : "happy";
    for (String tag : tags) {
      if (!MATRIX_ID.matcher(tag).matches()) continue;
      String id = tag.substring(1);
      int[] c = counts.computeIfAbsent(id, k -> new int[4]);
      int base = variant.equals("happy") ? 0 : 2;
      c[base + 1]++;
      if (passed) c[base]++;
      else failures.computeIfAbsent(id, k -> new ArrayList<>()).add(scenario);
    }
  }

  public synchronized List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    counts.forEach((id, c) -> rows.add(new Row(id, c[0], c[1], c[2], c[3], List.copyOf(failures.getOrDefault(id, List.of())))));
    return rows;
  }

  /** One line per matrix id, e.g. {@code ROUTER-001   happy 3/3  unhappy 2/3  FAILED: …}. */
  public String render() {
    StringBuilder sb = new StringBuilder("Scenario matrix (passed/run):\n");
    for (Row r : rows()) {
      sb.append(String.format("  %-12s happy %d/%d  unhappy %d/%d%s%n", r.id(), r.happyPassed(), r.happyRun(),
          r.unhappyPassed(), r.unhappyRun(), r.failed().isEmpty() ? "" : "  FAILED: " + String.join("; ", r.failed())));
    }
    return sb.toString();
  }

  public Map<String, Object> asJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Row r : rows()) {
      out.put(r.id(), Map.of("happy", Map.of("passed", r.happyPassed(), "run", r.happyRun()),
          "unhappy", Map.of("passed", r.unhappyPassed(), "run", r.unhappyRun()), "failed", r.failed()));
    }
    return out;
  }
}
