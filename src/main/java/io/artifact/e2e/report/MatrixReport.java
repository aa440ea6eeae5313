package io.artifact.e2e.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.report.MatrixSummary.Verdict;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceParsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cucumber plugin: at the end of a run, the run's reports beside Cucumber's own — the scenario
 * matrix printed and in {@code matrix.json} (what CI dashboards read, runbook "Automation Hooks"),
 * the front page {@code index.html}, the run record {@code scenarios.json}, and one entry in
 * {@code history/} (flake counts across runs). Its argument is the matrix file; everything else
 * goes beside it. {@code rerun:<matrix file>} is the rerun of the failed scenarios: their results
 * are merged into the first attempt's record, a scenario that passes now is reported flaky, and the
 * first attempt's JUnit XML marks it so. A dry run is not a run: it leaves this plugin out (SuiteLaunch, the pom's dry-run profile).
 */
public final class MatrixReport implements ConcurrentEventListener {

  static final String RERUN = "rerun:";

  private final Path out;
  private final Path dir;
  private final boolean rerun;
  private final Map<URI, String> features = new ConcurrentHashMap<>();
  private final Map<URI, List<Node>> sources = new ConcurrentHashMap<>();
  private final List<ScenarioResult> results = new ArrayList<>();
  private volatile Instant started = Instant.now();

  public MatrixReport() {
    this("target-reports/matrix.json");
  }

  /** {@code io.artifact.e2e.report.MatrixReport:some/other/matrix.json} writes elsewhere (tests that must not touch the run's reports). */
  public MatrixReport(String arg) {
    this.rerun = arg.startsWith(RERUN);
    this.out = Path.of(rerun ? arg.substring(RERUN.length()) : arg).toAbsolutePath();
    this.dir = out.getParent();
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, e -> started = e.getInstant());
    publisher.registerHandlerFor(TestSourceParsed.class, e -> {
      features.put(e.getUri(), e.getNodes().stream().findFirst().flatMap(Node::getName).orElse(Locations.display(e.getUri())));
      sources.put(e.getUri(), List.copyOf(e.getNodes()));
    });
    publisher.registerHandlerFor(TestCaseFinished.class, this::add);
    publisher.registerHandlerFor(TestRunFinished.class, e -> finish(e.getInstant()));
  }

  private void add(TestCaseFinished e) {
    TestCase tc = e.getTestCase();
    Verdict v = verdict(e.getResult().getStatus());
    ScenarioResult r = new ScenarioResult(Locations.display(tc.getUri()) + ":" + tc.getLocation().getLine(),
        features.getOrDefault(tc.getUri(), Locations.display(tc.getUri())), tc.getName(), List.copyOf(tc.getTags()), v,
        v == Verdict.PASSED ? null : reason(e), e.getResult().getDuration().toMillis(), 1, null, search(tc));
    synchronized (results) {
      results.add(r);
    }
  }

  /** The Gherkin name of the scenario or outline the test case comes from, up to its first {@code <placeholder>}. */
  private String search(TestCase tc) {
    int line = tc.getLocation().getLine();
    String gherkin = sources.getOrDefault(tc.getUri(), List.of()).stream()
        .map(n -> n.findPathTo(x -> x.getLocation().getLine() == line)).flatMap(Optional::stream).findFirst()
        .flatMap(path -> path.stream().filter(n -> n instanceof Node.Scenario || n instanceof Node.ScenarioOutline).reduce((a, b) -> b))
        .flatMap(Node::getName).orElse(tc.getName());
    String head = gherkin.split("<", 2)[0].replaceAll("[^\\p{L}\\p{N}]+$", "");
    return head.isBlank() ? features.getOrDefault(tc.getUri(), tc.getName()) : head;
  }

  static Verdict verdict(Status status) {
    return switch (status) {
      case PASSED -> Verdict.PASSED;
      case SKIPPED -> Verdict.SKIPPED;
      default -> Verdict.FAILED; // undefined, pending, ambiguous and failed steps all mean "not shown to work"
    };
  }

  /** Why a scenario did not pass: the first line of what aborted it (a missing capability names itself). */
  static String reason(TestCaseFinished e) {
    Throwable error = e.getResult().getError();
    if (error == null) return e.getResult().getStatus() == Status.SKIPPED ? "skipped" : e.getResult().getStatus().name().toLowerCase();
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage().strip();
    return message.lines().findFirst().orElse(message);
  }

  private void finish(Instant finished) {
    List<ScenarioResult> mine;
    synchronized (results) {
      mine = results.stream().sorted(Comparator.comparing(ScenarioResult::location, Locations.ORDER)).toList();
    }
    if (mine.isEmpty()) return;
    long millis = Duration.between(started, finished).toMillis();
    RunRecord record = rerun ? RunRecord.read(dir).withRerun(mine, millis) : new RunRecord(runId(started), started.toString(), millis,
        profile(), target(), 1, mine);
    record.write(dir);
    MatrixSummary matrix = record.matrix();
    try {
      Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(matrix.asJson()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    if (rerun) JUnitFlakes.mark(dir.resolve("cucumber-junit.xml"), record.scenarios());
    List<History.Entry> history = History.record(dir.resolve("history"), record);
    FrontPage.write(dir, record, history);
    System.out.print(matrix.render());
    System.out.println(record.summaryLine() + "; front page: " + Locations.display(dir.resolve(FrontPage.FILE).toUri()));
  }

  static String runId(Instant started) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC).format(started);
  }

  private static String profile() {
    return ProfileLoader.fromProcess().requestedName();
  }

  /** The profile's target kind (embedded, external, fly), for the front page; unknown if the profile cannot be read. */
  private static String target() {
    try {
      return ProfileLoader.fromProcess().load().string("target");
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
