package io.artifact.e2e.cli;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The scenarios a run could select, read with Cucumber's own Gherkin parser (one pickle per row, with
 * its feature, scenario and Examples tags), so {@code run} can say before anything starts that a
 * matrix id does not exist or that a production profile would get a destructive row.
 */
final class ScenarioCatalogue {

  /** A matrix id tag: {@code @BASELINE}, {@code @ROUTER-001}. */
  private static final String MATRIX_ID = "[A-Z]+(-[0-9]+)?"; // as MatrixSummary reads them: not the gap tags (@G16)

  record Row(String name, String uri, List<String> tags) {}

  private final List<Row> rows;

  private ScenarioCatalogue(List<Row> rows) {
    this.rows = rows;
  }

  /** The features in {@code dir}, or the copy packed in the jar when {@code dir} is null. */
  static ScenarioCatalogue load(Path dir) {
    List<Row> rows = new ArrayList<>();
    GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
    try {
      if (dir != null) {
        parseAll(parser, dir, rows);
      } else {
        URL url = ScenarioCatalogue.class.getClassLoader().getResource("features");
        if (url == null) return new ScenarioCatalogue(rows);
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
          try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
            parseAll(parser, fs.provider().getPath(uri), rows);
          }
        } else {
          parseAll(parser, Path.of(uri), rows);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feature files", e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return new ScenarioCatalogue(rows);
  }

  private static void parseAll(GherkinParser parser, Path dir, List<Row> rows) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          parser.parse(f.toString(), in).map(Envelope::getPickle).flatMap(java.util.Optional::stream)
              .forEach(p -> rows.add(new Row(p.getName(), p.getUri(), tags(p))));
        }
      }
    }
  }

  private static List<String> tags(Pickle p) {
    return p.getTags().stream().map(PickleTag::getName).toList();
  }

  /** Every matrix id a feature carries, sorted. */
  TreeSet<String> matrixIds() {
    TreeSet<String> ids = new TreeSet<>();
    rows.forEach(r -> r.tags().stream().map(t -> t.substring(1)).filter(t -> t.matches(MATRIX_ID)).forEach(ids::add));
    return ids;
  }

  /** The rows a tag expression selects (all of them for null). */
  List<Row> select(String tagExpression) {
    if (tagExpression == null) return List.copyOf(rows);
    var expression = TagExpressionParser.parse(tagExpression);
    return rows.stream().filter(r -> expression.evaluate(r.tags())).toList();
  }
}
