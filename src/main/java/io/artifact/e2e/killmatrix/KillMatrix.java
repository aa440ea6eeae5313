package io.artifact.e2e.killmatrix;

import io.cucumber.tagexpressions.Expression;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs every catalogued variant against only the rows expected to catch it plus its control rows,
 * all at once (each scenario provisions its own slice, and images are per slice, so the variants
 * share one embedded stack; a stack-wide variant gets a stack of its own), and the {@code impl}
 * variant against every row. A variant is killed when exactly the rows the catalogue says it must
 * fail failed, the other rows it ran passed, and its control rows passed.
 */
public final class KillMatrix {

  /**
   * What one variant's run showed. Killed means exactly as catalogued: every row it must fail failed, every
   * other row it ran passed (the defect is that specific), and its control rows passed.
   */
  public record Verdict(Catalogue.Entry entry, List<Row> guarding, List<Row> control, Duration took) {

    public List<Row> failedGuarding() {
      return guarding.stream().filter(Row::failed).toList();
    }

    /** Rows the catalogue says must fail that did not. */
    public List<Row> missed() {
      return guarding.stream().filter(r -> entry.mustFail(r) && !r.failed()).toList();
    }

    /** Rows that failed although the catalogue does not name them. */
    public List<Row> alsoFailed() {
      return guarding.stream().filter(r -> !entry.mustFail(r) && r.failed()).toList();
    }

    /** Words of {@code rows} that name none of the rows run: the catalogue is out of date. */
    public List<String> unmatchedWords() {
      return entry.rows() == null ? List.of() : entry.rows().stream().filter(w -> guarding.stream().noneMatch(r -> r.name().contains(w))).toList();
    }

    public boolean controlPassed() {
      return !control.isEmpty() && control.stream().allMatch(r -> r.status() == Row.Status.PASSED);
    }

    public boolean killed() {
      return !failedGuarding().isEmpty() && missed().isEmpty() && alsoFailed().isEmpty() && unmatchedWords().isEmpty() && controlPassed();
    }

    public String outcome() {
      if (!controlPassed()) return control.isEmpty() ? "NO CONTROL ROW" : "CONTROL FAILED";
      if (killed()) return "killed";
      if (guarding.isEmpty()) return "SURVIVED (no guarding row ran)";
      return failedGuarding().isEmpty() ? "SURVIVED" : "NOT AS CATALOGUED";
    }
  }

  /** The impl run: which rows failed, which gaps they flag, and whether that is exactly the declared set. */
  public record ImplVerdict(Set<String> reproduces, List<Row> rows, Duration took) {

    public List<Row> failed() {
      return rows.stream().filter(Row::failed).toList();
    }

    /**
     * The gaps the failed rows showed: of each failed row's {@code @G<n>} tags, those impl reproduces (a row
     * guarding G16 and G17 that fails under impl shows G17 when only G17 is reproduced; a failed row with no
     * reproduced gap is an {@linkplain #unexpectedFailures() unexpected failure}).
     */
    public Set<String> flaggedGaps() {
      Set<String> g = new TreeSet<>(GAP_ORDER);
      failed().forEach(r -> r.gaps().stream().filter(reproduces::contains).forEach(g::add));
      return g;
    }

    private boolean expectedToFail(Row r) {
      return r.gaps().stream().anyMatch(g -> reproduces.contains(g));
    }

    /** Rows tagged with a reproduced gap that passed anyway. */
    public List<Row> unexpectedPasses() {
      return rows.stream().filter(r -> expectedToFail(r) && r.status() != Row.Status.FAILED).toList();
    }

    /** Rows that failed without a reproduced gap's tag. */
    public List<Row> unexpectedFailures() {
      return failed().stream().filter(r -> !expectedToFail(r)).toList();
    }

    public boolean asDeclared() {
      return !rows.isEmpty() && unexpectedPasses().isEmpty() && unexpectedFailures().isEmpty();
    }
  }

  /** The whole run. */
  public record Result(List<Verdict> verdicts, ImplVerdict impl, Duration wall) {

    public long killed() {
      return verdicts.stream().filter(Verdict::killed).count();
    }

    public boolean ok() {
      return killed() == verdicts.size() && (impl == null || impl.asDeclared());
    }
  }

  static final java.util.Comparator<String> GAP_ORDER = java.util.Comparator.comparingInt(g -> Integer.parseInt(g.substring(1)));

  private final Catalogue catalogue;
  private final ScenarioLauncher launcher;
  private final int jobs;

  public KillMatrix(Catalogue catalogue, java.nio.file.Path features, int jobs) {
    this.catalogue = catalogue;
    this.launcher = new ScenarioLauncher(features);
    this.jobs = jobs;
  }

  /**
   * Runs {@code entries} (and impl when {@code withImpl}), all at once, {@code jobs} Cucumber runs at a time: the
   * variants with the most rows first (one parse of the features says how many each runs). In catalogue order
   * two variants of five slow rows started in the second wave and ran on alone for 20 s, the machine at 10–30%.
   */
  public Result run(List<Catalogue.Entry> entries, boolean withImpl) {
    Instant began = Instant.now();
    List<Row> all = launcher.discover();
    Map<Catalogue.Entry, Integer> rows = new HashMap<>();
    for (Catalogue.Entry e : entries) {
      Expression selected = Row.expression(selection(e), e.variant());
      rows.put(e, (int) all.stream().filter(r -> r.matches(selected)).count());
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      // impl runs every row: start it first and give it threads of its own
      CompletableFuture<ImplVerdict> impl = withImpl ? CompletableFuture.supplyAsync(this::impl, pool) : CompletableFuture.completedFuture(null);
      Map<Catalogue.Entry, CompletableFuture<Verdict>> runs = new HashMap<>();
      entries.stream().sorted(Comparator.comparingInt(rows::get).reversed())
          .forEach(e -> runs.put(e, CompletableFuture.supplyAsync(() -> verdict(e, rowsAtOnce(rows.get(e))), pool)));
      List<Verdict> verdicts = entries.stream().map(e -> runs.get(e).join()).toList();
      return new Result(verdicts, impl.join(), Duration.between(began, Instant.now()));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * How many of a variant's rows run side by side: two, and three once it has six or more, so that none takes
   * more than a few rounds of rows that wait out a bound (the longest, six such rows two at a time, was the
   * matrix's last ~15 s). Four at a time for every variant overloaded the start: bounded waits timed out.
   */
  static int rowsAtOnce(int rows) {
    return rows >= 6 ? 3 : 2;
  }

  /** What a variant's run selects: the rows expected to catch it and its control rows. */
  private String selection(Catalogue.Entry e) {
    return "(" + e.caughtBy() + ") or (" + catalogue.controlOf(e) + ")";
  }

  private ImplVerdict impl() {
    Instant began = Instant.now();
    // most impl rows wait out a bound before they fail, so they can wait side by side
    List<Row> rows = launcher.run("not @wip", catalogue.impl().overrides(), 16);
    return new ImplVerdict(Set.copyOf(catalogue.impl().reproduces()), rows, Duration.between(began, Instant.now()));
  }

  private Verdict verdict(Catalogue.Entry e, int rowsAtOnce) {
    Expression guarding = Row.expression(e.caughtBy(), e.variant());
    Expression control = Row.expression(catalogue.controlOf(e), e.variant());
    Instant began = Instant.now();
    List<Row> rows = launcher.run(selection(e), e.overrides(), rowsAtOnce);
    // a row both guarding and control is judged as guarding: the control must be a row the variant does not touch
    return new Verdict(e, rows.stream().filter(r -> r.matches(guarding)).toList(),
        rows.stream().filter(r -> r.matches(control) && !r.matches(guarding)).toList(), Duration.between(began, Instant.now()));
  }

  /** The kill matrix, the score and, for impl, the flagged gaps. */
  public static void print(Result r, PrintWriter out) {
    out.println("kill matrix (variant → failed guarding rows → verdict):");
    int width = r.verdicts().stream().mapToInt(v -> v.entry().variant().length()).max().orElse(10);
    for (Verdict v : r.verdicts()) {
      String failed = v.failedGuarding().stream().map(Row::name).collect(Collectors.joining("; "));
      out.printf("  %-" + width + "s  %d/%d failed%s  control %s  → %s  (%.1f s)%n", v.entry().variant(), v.failedGuarding().size(),
          v.guarding().size(), failed.isEmpty() ? "" : " (" + failed + ")", v.controlPassed() ? "passed" : "FAILED", v.outcome(),
          v.took().toMillis() / 1000.0);
      if (!v.controlPassed()) v.control().stream().filter(Row::failed).forEach(c -> out.println("      control failed: " + c.name() + ": " + c.message()));
      v.missed().forEach(m -> out.println("      must fail, " + m.status().name().toLowerCase() + ": " + m.name()));
      v.alsoFailed().forEach(a -> out.println("      failed, not catalogued: " + a.name() + ": " + a.message()));
      v.unmatchedWords().forEach(w -> out.println("      rows word '" + w + "' names none of the rows run (" + v.entry().caughtBy() + ")"));
    }
    out.printf("%d/%d killed%n", r.killed(), r.verdicts().size());
    if (r.impl() != null) {
      ImplVerdict i = r.impl();
      out.printf("impl: %d rows, %d failed (%.1f s); gaps flagged: %s (declared: %s) → %s%n", i.rows().size(), i.failed().size(),
          i.took().toMillis() / 1000.0,
          String.join(" ", i.flaggedGaps()), i.reproduces().stream().sorted(GAP_ORDER).collect(Collectors.joining(" ")),
          i.asDeclared() ? "as declared" : "NOT as declared");
      i.failed().forEach(f -> out.println("    failed " + String.join(" ", f.gaps()) + "  " + f.name()));
      i.unexpectedFailures().forEach(f -> out.println("    UNEXPECTED failure (no reproduced gap's tag): " + f.name() + ": " + f.message()));
      i.unexpectedPasses().forEach(f -> out.println("    UNEXPECTED " + f.status().name().toLowerCase() + " (tagged " + f.gaps() + "): " + f.name()));
    }
    out.printf("wall time %.1f s%n", r.wall().toMillis() / 1000.0);
    out.flush();
  }
}
