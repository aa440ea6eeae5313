package io.artifact.e2e.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Cucumber plugin: the step catalogue, from what Cucumber itself reports — every step definition's
 * pattern (a {@link StepDefinedEvent}, used or not) with its parameters, one example and the
 * features that use it (each step Cucumber matched, which a dry run does without running any) —
 * written as {@code steps.json} and {@code steps.html} in its directory. Meant for a dry run of every
 * feature ({@code steps}, {@code run --dry-run}, {@code mvn verify -Ddry-run}): a tag-filtered run
 * sees only some uses, and the page says which filter it saw. Steps no definition
 * matches (undefined) or several match (ambiguous) are listed by {@code file:line} and text, and
 * printed, so a dry run names each one.
 */
public final class StepCatalogue implements ConcurrentEventListener {

  public static final String JSON = "steps.json";
  public static final String HTML = "steps.html";

  /** One use of a step in a feature: where, its text, and the values its parameters took. */
  public record Usage(@JsonProperty("location") String location, @JsonProperty("feature") String feature,
      @JsonProperty("text") String text, @JsonProperty("arguments") List<String> arguments) {}

  /** One step definition. */
  public record Step(@JsonProperty("pattern") String pattern, @JsonProperty("defined_at") String definedAt,
      @JsonProperty("parameters") List<String> parameters, @JsonProperty("example") Usage example,
      @JsonProperty("features") Map<String, Integer> features) {}

  /** The whole catalogue, as {@code steps.json} holds it. */
  public record Catalogue(@JsonProperty("steps") List<Step> steps, @JsonProperty("undefined") List<Usage> undefined,
      @JsonProperty("ambiguous") List<Usage> ambiguous, @JsonProperty("features") int features, @JsonProperty("filter") String filter) {

    public static Catalogue read(Path dir) {
      try {
        return RunRecord.JSON.readValue(dir.resolve(JSON).toFile(), Catalogue.class);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the step catalogue " + dir.resolve(JSON), e);
      }
    }

    /** The catalogue as text: per pattern its parameters, one example, the features that use it, where it is defined. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      for (Step s : steps) {
        sb.append(s.pattern()).append('\n');
        sb.append("  parameters: ").append(s.parameters().isEmpty() ? "none" : String.join(", ", s.parameters())).append('\n');
        sb.append("  example:    ").append(s.example() == null ? "none: no feature uses this step"
            : s.example().text() + "  (" + s.example().location() + ")" + args(s.example())).append('\n');
        sb.append("  used in:    ").append(s.features().isEmpty() ? "no feature" : uses(s.features())).append('\n');
        sb.append("  defined at: ").append(s.definedAt()).append('\n');
      }
      sb.append(steps.size()).append(" step patterns from ").append(features).append(" feature(s)")
          .append(filter == null ? "" : " filtered by " + filter).append(", ").append(steps.stream().filter(s -> s.example() == null).count()).append(" unused\n");
      return sb.toString();
    }

    /** One line per undefined or ambiguous step: {@code features/x.feature:12: undefined step: When …}. */
    public List<String> problems() {
      List<String> lines = new ArrayList<>();
      undefined.forEach(u -> lines.add(u.location() + ": undefined step: " + u.text()));
      ambiguous.forEach(u -> lines.add(u.location() + ": ambiguous step (several definitions match): " + u.text()));
      return lines;
    }
  }

  private static final Pattern EXPRESSION_PARAMETER = Pattern.compile("\\{([^}]*)}");

  private final Path dir;
  private final Map<String, String> defined = new ConcurrentHashMap<>();
  private final Map<URI, String> features = new ConcurrentHashMap<>();
  private final Map<String, List<Usage>> usages = new TreeMap<>();
  private final Map<String, Usage> undefined = new TreeMap<>(Locations.ORDER);
  private final Map<String, Usage> ambiguous = new TreeMap<>(Locations.ORDER);

  public StepCatalogue() {
    this("target-reports");
  }

  public StepCatalogue(String dir) {
    this.dir = Path.of(dir);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(StepDefinedEvent.class, e -> defined.putIfAbsent(e.getStepDefinition().getPattern(), e.getStepDefinition().getLocation()));
    publisher.registerHandlerFor(TestSourceParsed.class, e ->
        features.put(e.getUri(), e.getNodes().stream().findFirst().flatMap(Node::getName).orElse(Locations.display(e.getUri()))));
    publisher.registerHandlerFor(TestStepFinished.class, this::step);
    publisher.registerHandlerFor(TestRunFinished.class, e -> write());
  }

  private void step(TestStepFinished e) {
    if (!(e.getTestStep() instanceof PickleStepTestStep step)) return;
    Usage usage = new Usage(Locations.display(step.getUri()) + ":" + step.getStep().getLine(),
        features.getOrDefault(step.getUri(), Locations.display(step.getUri())), step.getStep().getKeyword() + step.getStep().getText(),
        step.getDefinitionArgument().stream().map(a -> a.getParameterTypeName() + " = " + a.getValue()).toList());
    Status status = e.getResult().getStatus();
    synchronized (usages) {
      // Cucumber reports a later undefined step of the same scenario as skipped; it has no pattern all the same
      if (status == Status.UNDEFINED || step.getPattern() == null) undefined.putIfAbsent(usage.location(), usage);
      else if (status == Status.AMBIGUOUS) ambiguous.putIfAbsent(usage.location(), usage);
      else usages.computeIfAbsent(step.getPattern(), k -> new ArrayList<>()).add(usage);
    }
  }

  Catalogue catalogue() {
    List<Step> steps = new ArrayList<>();
    synchronized (usages) {
      Map<String, String> all = new TreeMap<>(defined);
      usages.keySet().forEach(p -> all.putIfAbsent(p, "?"));
      all.forEach((pattern, at) -> {
        List<Usage> uses = usages.getOrDefault(pattern, List.of()).stream().sorted(Comparator.comparing(Usage::location, Locations.ORDER)).toList();
        Map<String, Integer> byFeature = new LinkedHashMap<>();
        uses.stream().map(Usage::location).distinct().forEach(l -> byFeature.merge(uses.stream().filter(u -> u.location().equals(l))
            .findFirst().orElseThrow().feature(), 1, Integer::sum));
        steps.add(new Step(pattern, at, parameters(pattern, uses), uses.isEmpty() ? null : uses.get(0), byFeature));
      });
      return new Catalogue(steps, List.copyOf(undefined.values()), List.copyOf(ambiguous.values()), features.size(),
          System.getProperty("cucumber.filter.tags"));
    }
  }

  /** A Cucumber expression's parameters ({@code {caller}}); for a regular expression, the parameter types its first use shows. */
  static List<String> parameters(String pattern, List<Usage> uses) {
    if (pattern.startsWith("^") || pattern.endsWith("$")) {
      return uses.isEmpty() ? List.of() : uses.get(0).arguments().stream().map(a -> a.substring(0, a.indexOf(" = "))).toList();
    }
    List<String> out = new ArrayList<>();
    Matcher m = EXPRESSION_PARAMETER.matcher(pattern);
    while (m.find()) out.add("{" + m.group(1) + "}");
    return out;
  }

  private void write() {
    Catalogue c = catalogue();
    try {
      Files.createDirectories(dir);
      RunRecord.JSON.writeValue(dir.resolve(JSON).toFile(), c);
      Files.writeString(dir.resolve(HTML), html(c).outerHtml());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the step catalogue in " + dir, e);
    }
    if (!c.problems().isEmpty()) {
      System.err.println(c.problems().size() + " step(s) no single definition matches:");
      c.problems().forEach(p -> System.err.println("  " + p));
    }
  }

  static Document html(Catalogue c) {
    Document doc = Document.createShell("");
    doc.title("Step catalogue — artifact-e2e");
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head().appendElement("style").text("""
        body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem 2rem; color: #1d2329; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; } code.pattern { overflow-wrap: anywhere; } th, td { border-bottom: 1px solid #dde1e5; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f3f5f7; } code { font-family: ui-monospace, monospace; font-size: .9rem; } .where, .at { color: #666; font-size: .85rem; }
        .unused { color: #8a5a00; } .problem { background: #fde4e4; color: #8a1010; padding: .4rem .6rem; }
        """);
    Element body = doc.body();
    body.appendElement("h1").text("Step catalogue");
    Element intro = body.appendElement("p").text(c.steps().size() + " step patterns, with their parameters, one example from a feature that uses "
        + "them and the features that use them, from a dry run of " + c.features() + " feature(s)"
        + (c.filter() == null ? "" : " filtered by " + c.filter() + " (other features' uses are not shown)") + ". Back to the ");
    intro.appendElement("a").attr("href", FrontPage.FILE).text("scenario matrix");
    if (!c.problems().isEmpty()) {
      Element ul = body.appendElement("ul").addClass("problem").attr("id", "undefined");
      c.problems().forEach(p -> ul.appendElement("li").text(p));
    }
    Element table = body.appendElement("table").attr("id", "steps");
    Element cols = table.appendElement("colgroup");
    for (String w : List.of("42%", "12%", "28%", "18%")) cols.appendElement("col").attr("style", "width: " + w);
    Element th = table.appendElement("thead").appendElement("tr");
    for (String h : List.of("Step", "Parameters", "Example", "Used in")) th.appendElement("th").text(h);
    Element tb = table.appendElement("tbody");
    for (Step s : c.steps()) {
      Element tr = tb.appendElement("tr").addClass("step");
      Element step = tr.appendElement("td");
      step.appendElement("code").addClass("pattern").text(s.pattern());
      step.appendElement("div").addClass("at").text(s.definedAt());
      tr.appendElement("td").addClass("parameters").text(String.join(", ", s.parameters()));
      Element ex = tr.appendElement("td").addClass("example");
      if (s.example() == null) ex.addClass("unused").text("no feature uses this step");
      else {
        ex.appendElement("div").text(s.example().text());
        ex.appendElement("div").addClass("where").text(s.example().location() + args(s.example()));
      }
      tr.appendElement("td").addClass("features").text(uses(s.features()));
    }
    return doc;
  }

  private static String args(Usage u) {
    return u.arguments().isEmpty() ? "" : "  [" + String.join("; ", u.arguments()) + "]";
  }

  private static String uses(Map<String, Integer> features) {
    List<String> out = new ArrayList<>();
    features.forEach((f, n) -> out.add(f + " (" + n + (n == 1 ? " step)" : " steps)")));
    return String.join("; ", out);
  }
}
