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
 * how many happy and unhappy rows passed, failed and were skipped, which failed, and why each
 * skipped one could not run. A skip is never a pass and never a failure. Fed one finished scenario at a time.
 */
public final class MatrixSummary {

  private static final Pattern MATRIX_ID = Pattern.compile("@[A-Z]+(-\\d+)?");

  /** How one finished scenario ended, as far as the matrix is concerned. */
  public enum Verdict { PASSED, FAILED, SKIPPED }

  /** Rows of one variant (happy or unhappy) of a matrix id. */
  public record Counts(int passed, int failed, int skipped) {
    public int run() { return passed + failed; }

    Counts plus(Verdict v) {
      return new Counts(passed + (v == Verdict.PASSED ? 1 : 0), failed + (v == Verdict.FAILED ? 1 : 0), skipped + (v == Verdict.SKIPPED ? 1 : 0));
    }
  }

  /** One row of the matrix: counts per variant, failed scenario names, skipped ones with their reason. */
  public record Row(String id, Counts happy, Counts unhappy, List<String> failed, List<String> skipped) {}

  private final Map<String, Counts[]> counts = new TreeMap<>();
  private final Map<String, List<String>> failures = new TreeMap<>();
  private final Map<String, List<String>> skips = new TreeMap<>();

  public synchronized void add(String scenario, Collection<String> tags, Verdict verdict, String reason) {
    int variant = tags.contains("@unhappy") ? 1 : 0;
    for (String tag : tags) {
      if (!MATRIX_ID.matcher(tag).matches()) continue;
      String id = tag.substring(1);
      Counts[] c = counts.computeIfAbsent(id, k -> new Counts[] {new Counts(0, 0, 0), new Counts(0, 0, 0)});
      c[variant] = c[variant].plus(verdict);
      if (verdict == Verdict.FAILED) failures.computeIfAbsent(id, k -> new ArrayList<>()).add(scenario);
      if (verdict == Verdict.SKIPPED) skips.computeIfAbsent(id, k -> new ArrayList<>()).add(scenario + " — " + (reason == null ? "skipped" : reason));
    }
  }

  public synchronized List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    counts.forEach((id, c) -> rows.add(new Row(id, c[0], c[1], List.copyOf(failures.getOrDefault(id, List.of())),
        List.copyOf(skips.getOrDefault(id, List.of())))));
    return rows;
  }

  /** One line per matrix id, e.g. {@code ROUTER-001   happy 3/3  unhappy 2/3, 1 skipped  FAILED: …}, then each skip's reason. */
  public String render() {
    StringBuilder sb = new StringBuilder("Scenario matrix (passed/run):\n");
    for (Row r : rows()) {
      sb.append(String.format("  %-12s happy %s  unhappy %s%s%n", r.id(), cell(r.happy()), cell(r.unhappy()),
          r.failed().isEmpty() ? "" : "  FAILED: " + String.join("; ", r.failed())));
      r.skipped().forEach(s -> sb.append("      skipped: ").append(s).append('\n'));
    }
    return sb.toString();
  }

  private static String cell(Counts c) {
    return c.passed() + "/" + c.run() + (c.skipped() == 0 ? "" : ", " + c.skipped() + " skipped");
  }

  public Map<String, Object> asJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Row r : rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("happy", json(r.happy()));
      row.put("unhappy", json(r.unhappy()));
      row.put("failed", r.failed());
      row.put("skipped", r.skipped());
      out.put(r.id(), row);
    }
    return out;
  }

  private static Map<String, Object> json(Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("passed", c.passed());
    m.put("failed", c.failed());
    m.put("skipped", c.skipped());
    m.put("run", c.run());
    return m;
  }
}
