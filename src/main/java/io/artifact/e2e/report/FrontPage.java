package io.artifact.e2e.report;

import io.artifact.e2e.report.MatrixSummary.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code target-reports/index.html}, the page people open first: one row per matrix id with its
 * happy and unhappy verdicts (passed / failed / flaky / skipped, with the reason), the known gaps
 * the failed rows flag, time, the profile and target, then every scenario by matrix id with a link
 * into Cucumber's report ({@code cucumber.html?query=…}, its own search) and the flake trend of the
 * last runs. Features appear by their names and {@code features/…:line}, never by absolute path.
 */
public final class FrontPage {

  public static final String FILE = "index.html";
  static final String OTHER = "other scenarios";

  private FrontPage() {}

  static void write(Path dir, RunRecord run, List<History.Entry> history) {
    try {
      Files.writeString(dir.resolve(FILE), render(run, history, Files.exists(dir.resolve("rerun/cucumber.html"))).outerHtml());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
    }
  }

  static Document render(RunRecord run, List<History.Entry> history, boolean rerunReport) {
    Document doc = Document.createShell("");
    doc.title("Scenario matrix — artifact-e2e");
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head().appendElement("style").text(CSS);
    Element body = doc.body();

    Element header = body.appendElement("header");
    header.appendElement("h1").text("Scenario matrix");
    header.appendElement("p").addClass("run").text("Run " + run.runId() + " · profile " + run.profile() + " (target: " + run.target() + ") · started "
        + run.started().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z") + " · " + seconds(run.millis()) + " · "
        + (run.attempts() == 1 ? "1 attempt" : run.attempts() + " attempts (failed scenarios rerun once)"));
    Element totals = header.appendElement("p").addClass("totals");
    for (Verdict v : Verdict.values()) totals.appendElement("span").addClass("verdict").addClass(run.count(v) == 0 ? "zero" : css(v)).text(run.count(v) + " " + label(v));
    Element nav = header.appendElement("nav");
    link(nav, "cucumber.html", "Every scenario, its steps and evidence (cucumber.html)");
    if (rerunReport) link(nav, "rerun/cucumber.html", "The rerun (rerun/cucumber.html)");
    link(nav, "steps.html", "Step catalogue (steps.html, from the last dry run)");
    link(nav, "matrix.json", "matrix.json");
    link(nav, "cucumber-junit.xml", "JUnit XML");

    Map<String, List<ScenarioResult>> byId = byMatrixId(run.scenarios());
    List<String> gaps = run.matrix().gapsFlagged();
    Element gapLine = body.appendElement("p").attr("id", "gaps-flagged");
    gapLine.text(gaps.isEmpty() ? "No known gap flagged: no failed row carries a gap tag (@G<n>, stack-contract.md §8)."
        : "Known gaps flagged by failed rows (stack-contract.md §8): " + String.join(", ", gaps));
    if (!gaps.isEmpty()) gapLine.addClass("flagged");

    Element matrix = body.appendElement("table").attr("id", "matrix");
    Element head = matrix.appendElement("thead").appendElement("tr");
    for (String h : List.of("Matrix id", "Feature", "Happy", "Unhappy", "Gaps flagged", "Time (rows summed)")) head.appendElement("th").text(h);
    Element rows = matrix.appendElement("tbody");
    byId.forEach((id, scenarios) -> {
      Element tr = rows.appendElement("tr").attr("data-matrix-id", id);
      tr.appendElement("td").addClass("id").appendElement("a").attr("href", "#" + anchor(id)).text(id);
      tr.appendElement("td").addClass("feature").text(scenarios.stream().map(ScenarioResult::feature).distinct().collect(Collectors.joining("; ")));
      verdictCell(tr, "happy", scenarios.stream().filter(s -> !s.unhappy()).toList());
      verdictCell(tr, "unhappy", scenarios.stream().filter(ScenarioResult::unhappy).toList());
      tr.appendElement("td").addClass("gaps").text(String.join(", ", gapsFailed(scenarios)));
      tr.appendElement("td").addClass("time").text(seconds(scenarios.stream().mapToLong(ScenarioResult::millis).sum()));
    });

    byId.forEach((id, scenarios) -> {
      Element section = body.appendElement("section").addClass("matrix-id").attr("id", anchor(id));
      Element h2 = section.appendElement("h2").text(id + " — " + scenarios.stream().map(ScenarioResult::feature).distinct().collect(Collectors.joining("; ")) + " ");
      if (!id.equals(OTHER)) h2.appendElement("a").addClass("tag").attr("href", "cucumber.html?query=" + query("@" + id)).text("all in cucumber.html");
      Element table = section.appendElement("table").addClass("scenarios");
      Element cols = table.appendElement("colgroup");
      for (String w : List.of("6.5rem", "6rem", "28%", "23rem", "5rem", "auto")) cols.appendElement("col").attr("style", "width: " + w);
      Element th = table.appendElement("thead").appendElement("tr");
      for (String h : List.of("Verdict", "Variant", "Scenario", "Where", "Time", "Why")) th.appendElement("th").text(h);
      Element tb = table.appendElement("tbody");
      for (ScenarioResult s : scenarios) {
        Element tr = tb.appendElement("tr").addClass("scenario").attr("data-verdict", css(s.verdict()));
        tr.appendElement("td").appendElement("span").addClass("verdict").addClass(css(s.verdict())).text(label(s.verdict()));
        tr.appendElement("td").text(s.unhappy() ? "unhappy" : "happy");
        Element name = tr.appendElement("td").addClass("name");
        name.appendElement("a").addClass("cucumber").attr("href", "cucumber.html?query=" + query(s.search())).text(s.name());
        if (s.verdict() == Verdict.FLAKY && rerunReport) {
          name.appendText(" ");
          name.appendElement("a").addClass("rerun").attr("href", "rerun/cucumber.html?query=" + query(s.search())).text("(rerun)");
        }
        tr.appendElement("td").addClass("where").text(s.location());
        tr.appendElement("td").addClass("time").text(seconds(s.millis()));
        tr.appendElement("td").addClass("why").text(s.reason() == null ? "" : s.reason()
            + (s.gaps().isEmpty() || s.verdict() != Verdict.FAILED ? "" : " [guards " + String.join(", ", s.gaps()) + "]"));
      }
    });

    trend(body.appendElement("section").attr("id", "trend"), history);
    body.appendElement("footer").text("Written by io.artifact.e2e.report.MatrixReport from the run's Cucumber events; "
        + "a flaky scenario failed on its first attempt and passed only on the rerun.");
    return doc;
  }

  private static void trend(Element section, List<History.Entry> history) {
    section.appendElement("h2").text("Flake trend (last " + Math.min(History.SHOWN, history.size()) + " run(s), newest first)");
    Element table = section.appendElement("table").attr("id", "history");
    Element th = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("Run", "Profile", "Passed", "Flaky", "Failed", "Skipped")) th.appendElement("th").text(h);
    Element tb = table.appendElement("tbody");
    Map<String, Integer> flakes = new TreeMap<>();
    for (History.Entry e : history.subList(0, Math.min(History.SHOWN, history.size()))) {
      Element tr = tb.appendElement("tr");
      tr.appendElement("td").text(e.runId());
      tr.appendElement("td").text(e.profile() + " (" + e.target() + ")");
      tr.appendElement("td").text(String.valueOf(e.passed()));
      tr.appendElement("td").addClass(e.flaky() > 0 ? "flaky" : "none").text(String.valueOf(e.flaky()));
      tr.appendElement("td").addClass(e.failed() > 0 ? "failed" : "none").text(String.valueOf(e.failed()));
      tr.appendElement("td").text(String.valueOf(e.skipped()));
      e.flakyScenarios().forEach(s -> flakes.merge(s, 1, Integer::sum));
    }
    if (flakes.isEmpty()) {
      section.appendElement("p").text("No scenario was flaky in these runs.");
      return;
    }
    Element list = section.appendElement("ul").attr("id", "flaky-scenarios");
    flakes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(f -> list.appendElement("li").text(f.getKey() + ": flaky in " + f.getValue() + " of " + Math.min(History.SHOWN, history.size()) + " runs"));
  }

  /** Scenarios grouped by matrix id (ids in order), those without one last. */
  static Map<String, List<ScenarioResult>> byMatrixId(List<ScenarioResult> scenarios) {
    Map<String, List<ScenarioResult>> byId = new TreeMap<>();
    List<ScenarioResult> other = new ArrayList<>();
    for (ScenarioResult s : scenarios) {
      if (s.matrixIds().isEmpty()) other.add(s);
      s.matrixIds().forEach(id -> byId.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
    }
    Map<String, List<ScenarioResult>> ordered = new LinkedHashMap<>(byId);
    if (!other.isEmpty()) ordered.put(OTHER, other);
    return ordered;
  }

  /** "2 passed, 1 flaky" with the worst verdict as its class; the skip reasons as a list under it. */
  private static void verdictCell(Element tr, String variant, List<ScenarioResult> scenarios) {
    Element td = tr.appendElement("td").addClass(variant);
    if (scenarios.isEmpty()) {
      td.addClass("none").text("no rows");
      return;
    }
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    scenarios.forEach(s -> counts.merge(s.verdict(), 1L, Long::sum));
    Verdict worst = counts.containsKey(Verdict.FAILED) ? Verdict.FAILED : counts.containsKey(Verdict.FLAKY) ? Verdict.FLAKY
        : counts.containsKey(Verdict.PASSED) ? Verdict.PASSED : Verdict.SKIPPED;
    td.addClass("verdict").addClass(css(worst));
    td.appendElement("span").addClass("counts").text(counts.entrySet().stream().map(e -> e.getValue() + " " + label(e.getKey()))
        .collect(Collectors.joining(", ")));
    Set<String> reasons = new LinkedHashSet<>();
    scenarios.stream().filter(s -> s.verdict() == Verdict.SKIPPED).forEach(s -> reasons.add(s.reason()));
    if (!reasons.isEmpty()) {
      td.addClass("has-skips");
      Element ul = td.appendElement("ul").addClass("skip-reasons");
      reasons.forEach(r -> ul.appendElement("li").text("skipped: " + r));
    }
  }

  private static List<String> gapsFailed(List<ScenarioResult> scenarios) {
    return scenarios.stream().filter(s -> s.verdict() == Verdict.FAILED).flatMap(s -> s.gaps().stream()).distinct()
        .sorted(MatrixSummary.GAP_ORDER).toList();
  }

  static String label(Verdict v) {
    return v.name().toLowerCase();
  }

  private static String css(Verdict v) {
    return label(v);
  }

  private static String anchor(String id) {
    return id.replaceAll("[^A-Za-z0-9-]+", "-");
  }

  private static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void link(Element nav, String href, String text) {
    nav.appendElement("a").attr("href", href).text(text);
  }

  static String seconds(long millis) {
    return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem 2rem; color: #1d2329; }
      h1 { margin: 0 0 .3rem; } h2 { margin: 2rem 0 .5rem; font-size: 1.15rem; }
      .run { color: #555; margin: 0; }
      .totals span { margin-right: .5rem; }
      nav a { margin-right: 1.2rem; }
      nav { margin: .6rem 0 1rem; }
      table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
      th, td { border-bottom: 1px solid #dde1e5; padding: .35rem .6rem; text-align: left; vertical-align: top; }
      th { background: #f3f5f7; font-weight: 600; }
      table.scenarios { table-layout: fixed; }
      .zero { background: #f3f5f7; color: #8a939c; }
      td.has-skips { box-shadow: inset 4px 0 0 #98a2b3; }
      h2 a.tag { font-size: .8rem; font-weight: normal; margin-left: .5rem; }
      td.id { white-space: nowrap; }
      td.id a { font-weight: 600; font-family: ui-monospace, monospace; }
      td.where { font-family: ui-monospace, monospace; font-size: .8rem; color: #555; overflow-wrap: anywhere; }
      td.time { white-space: nowrap; text-align: right; }
      td.why { font-size: .9rem; color: #333; overflow-wrap: anywhere; }
      .verdict { border-radius: 4px; }
      span.verdict { display: inline-block; padding: .05rem .5rem; font-weight: 600; font-size: .85rem; }
      .passed { background: #e3f4e6; color: #14532d; }
      .failed { background: #fde4e4; color: #8a1010; }
      .flaky { background: #fff1d1; color: #7a4b00; }
      .skipped { background: #eceff3; color: #475467; }
      td.none { color: #999; background: none; }
      ul.skip-reasons { margin: .3rem 0 0 1rem; padding: 0; font-size: .85rem; font-weight: normal; }
      #gaps-flagged { padding: .4rem .6rem; background: #f3f5f7; border-radius: 4px; }
      #gaps-flagged.flagged { background: #fde4e4; color: #8a1010; font-weight: 600; }
      footer { margin-top: 2rem; color: #777; font-size: .85rem; }
      """;
}
