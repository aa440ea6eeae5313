package io.artifact.e2e.report;

import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;

/** Where a feature or scenario is, as a reader wants it: {@code features/router-ingress.feature:27}, not an absolute path. */
final class Locations {

  private Locations() {}

  /** A feature's URI relative to the working directory ({@code file:}) or to the classpath ({@code classpath:}). */
  static String display(URI uri) {
    if ("classpath".equals(uri.getScheme())) return uri.getSchemeSpecificPart().replaceFirst("^/", "");
    if (!"file".equals(uri.getScheme())) return uri.toString();
    Path p = Path.of(uri);
    Path cwd = Path.of("").toAbsolutePath();
    return (p.startsWith(cwd) ? cwd.relativize(p) : p.getFileName()).toString().replace('\\', '/');
  }

  /** {@code file:line} by file, then by line number (27 before 101). */
  static final Comparator<String> ORDER = Comparator.comparing((String l) -> l.substring(0, l.lastIndexOf(':')))
      .thenComparingInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(':') + 1)));
}
