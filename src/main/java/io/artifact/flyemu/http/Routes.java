package io.artifact.flyemu.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A flat route table: one line per method + path template, read top to bottom like Fly's API
 * reference. Templates use {@code {name}} segments (percent-decoded); a trailing {@code {rest*}} matches
 * the remainder, left encoded.
 */
public final class Routes {

  /** A handler that receives the path parameters. */
  @FunctionalInterface
  public interface Route {
    HttpResponse handle(HttpRequest request, Map<String, String> params) throws Exception;
  }

  private record Entry(String method, String[] template, Route route) {}

  private final List<Entry> entries = new ArrayList<>();

  public Routes on(String method, String template, Route route) {
    entries.add(new Entry(method, split(template), route));
    return this;
  }

  /** Finds the route for a request; empty-handed requests get {@code fallback}. */
  public HttpResponse dispatch(HttpRequest request, Function<HttpRequest, HttpResponse> fallback) throws Exception {
    String[] path = split(request.path());
    boolean pathMatched = false;
    for (Entry e : entries) {
      Map<String, String> params = match(e.template, path);
      if (params == null) continue;
      pathMatched = true;
      if (e.method.equals(request.method())) return e.route.handle(request, params);
    }
    return pathMatched ? HttpResponse.json(405, "{\"error\":\"method not allowed\"}") : fallback.apply(request);
  }

  private static Map<String, String> match(String[] template, String[] path) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("*}")) {
        params.put(t.substring(1, t.length() - 2), String.join("/", java.util.Arrays.copyOfRange(path, i, path.length)));
        return params;
      }
      if (i >= path.length) return null;
      if (t.startsWith("{") && t.endsWith("}")) {
        String value = decode(path[i]);
        if (value == null) return null;
        params.put(t.substring(1, t.length() - 1), value);
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return template.length == path.length ? params : null;
  }

  /** A path segment as the client meant it ({@code %2A.example.com} → {@code *.example.com}); null if malformed. */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8); // '+' is literal in a path
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p.isEmpty() ? new String[0] : p.split("/");
  }
}
