package io.artifact.e2e.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The scenario matrix as ops read it: for each matrix id ({@code @ROUTER-001}, {@code @BASELINE}),
 * how many happy and unhappy rows passed, failed, were flaky (failed, then passed on the rerun) and
 * were skipped, which failed, which known gaps ({@code @G<n>}) the failed rows guard, and why each
 * skipped one could not run. A skip is never a pass and never a failure; a flake is never a plain
 * pass. Fed one finished scenario at a time.
 */
public final class MatrixSummary {

  /** A matrix id tag: {@code @ROUTER-001}, {@code @BASELINE}; not a gap tag such as {@code @G4}. */
  static final Pattern MATRIX_ID = Pattern.compile("@[A-Z]+(-\\d+)?");
  /** A documented gap a row guards (stack-contract.md §8): {@code @G1} … {@code @G28}. */
  static final Pattern GAP = Pattern.compile("@G\\d+");

  /** How one finished scenario ended, as far as the matrix is concerned. */
  public enum Verdict { PASSED, FLAKY, FAILED, SKIPPED }

  /** Rows of one variant (happy or unhappy) of a matrix id; a flaky row ran, and is neither passed nor failed. */
  public record Counts(int passed, int failed, int skipped, int flaky) {
    public Counts(int passed, int failed, int skipped) {
      this(passed, failed, skipped, 0);
    }

    public int run() { return passed + failed + flaky; }

    Counts plus(Verdict v) {
      return new Counts(passed + (v == Verdict.PASSED ? 1 : 0), failed + (v == Verdict.FAILED ? 1 : 0), skipped + (v == Verdict.SKIPPED ? 1 : 0),
          flaky + (v == Verdict.FLAKY ? 1 : 0));
    }
  }

  /** One row of the matrix: counts per variant, failed and flaky scenario names, skipped ones with their reason, gaps the failed rows guard. */
  public record Row(String id, Counts happy, Counts unhappy, List<String> failed, List<String> skipped, List<String> flaky, List<String> gaps) {
    public Row(String id, Counts happy, Counts unhappy, List<String> failed, List<String> skipped) {
      this(id, happy, unhappy, failed, skipped, List.of(), List.of());
    }
  }

  private final Map<String, Counts[]> counts = new TreeMap<>();
  private final Map<String, List<String>> failures = new TreeMap<>();
  private final Map<String, List<String>> skips = new TreeMap<>();
  private final Map<String, List<String>> flakes = new TreeMap<>();
  private final Map<String, Set<String>> gaps = new TreeMap<>();

  public synchronized void add(String scenario, Collection<String> tags, Verdict verdict, String reason) {
    int variant = tags.contains("@unhappy") ? 1 : 0;
    for (String tag : tags) {
      if (!MATRIX_ID.matcher(tag).matches()) continue;
      String id = tag.substring(1);
      Counts[] c = counts.computeIfAbsent(id, k -> new Counts[] {new Counts(0, 0, 0), new Counts(0, 0, 0)});
      c[variant] = c[variant].plus(verdict);
      if (verdict == Verdict.FAILED) {
        failures.computeIfAbsent(id, k -> new ArrayList<>()).add(scenario);
        gapsOf(tags).forEach(g -> gaps.computeIfAbsent(id, k -> new TreeSet<>(GAP_ORDER)).add(g));
      }
      if (verdict == Verdict.FLAKY) flakes.computeIfAbsent(id, k -> new ArrayList<>()).add(scenario);
      if (verdict == Verdict.SKIPPED) skips.computeIfAbsent(id, k -> new ArrayList<>()).add(scenario + " — " + (reason == null ? "skipped" : reason));
    }
  }

  /** The gap tags among a scenario's tags, without the {@code @}. */
  static List<String> gapsOf(Collection<String> tags) {
    return tags.stream().filter(t -> GAP.matcher(t).matches()).map(t -> t.substring(1)).sorted(GAP_ORDER).toList();
  }

  static final Comparator<String> GAP_ORDER = Comparator.comparingInt((String g) -> Integer.parseInt(g.replaceAll("\\D", "")));

  public synchronized List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    counts.forEach((id, c) -> rows.add(new Row(id, c[0], c[1], List.copyOf(failures.getOrDefault(id, List.of())),
        List.copyOf(skips.getOrDefault(id, List.of())), List.copyOf(flakes.getOrDefault(id, List.of())),
        List.copyOf(gaps.getOrDefault(id, Set.of())))));
    return rows;
  }

  /** Every gap flagged by a failed row, in order ({@code G4, G20}). */
  public synchronized List<String> gapsFlagged() {
    Set<String> all = new TreeSet<>(GAP_ORDER);
    gaps.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /** One line per matrix id, e.g. {@code ROUTER-001   happy 3/3  unhappy 2/3, 1 skipped  FAILED: …}, then each skip's reason. */
  public String render() {
    StringBuilder sb = new StringBuilder("Scenario matrix (passed/run):\n");
    for (Row r : rows()) {
      sb.append(String.format("  %-12s happy %s  unhappy %s%s%s%s%n", r.id(), cell(r.happy()), cell(r.unhappy()),
          r.failed().isEmpty() ? "" : "  FAILED: " + String.join("; ", r.failed()),
          r.flaky().isEmpty() ? "" : "  FLAKY (passed only on rerun): " + String.join("; ", r.flaky()),
          r.gaps().isEmpty() ? "" : "  gaps flagged: " + String.join(", ", r.gaps())));
      r.skipped().forEach(s -> sb.append("      skipped: ").append(s).append('\n'));
    }
    List<String> flagged = gapsFlagged();
    if (!flagged.isEmpty()) sb.append("Known gaps flagged by failed rows: ").append(String.join(", ", flagged)).append('\n');
    return sb.toString();
  }

  private static String cell(Counts c) {
    return c.passed() + "/" + c.run() + (c.flaky() == 0 ? "" : ", " + c.flaky() + " flaky") + (c.skipped() == 0 ? "" : ", " + c.skipped() + " skipped");
  }

  public Map<String, Object> asJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Row r : rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("happy", json(r.happy()));
      row.put("unhappy", json(r.unhappy()));
      row.put("failed", r.failed());
      row.put("flaky", r.flaky());
      row.put("skipped", r.skipped());
      row.put("gaps_flagged", r.gaps());
      out.put(r.id(), row);
    }
    return out;
  }

  private static Map<String, Object> json(Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("passed", c.passed());
    m.put("failed", c.failed());
    m.put("flaky", c.flaky());
    m.put("skipped", c.skipped());
    m.put("run", c.run());
    return m;
  }
}
