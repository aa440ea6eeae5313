package io.artifact.e2e.router;

import java.util.Map;
import java.util.Optional;

/** One request through the router and what came back (redirects are never followed automatically). */
public record Exchange(String method, String url, int status, Optional<String> location, String contentType, String body,
    Map<String, String> headers) {

  public Exchange {
    headers = Map.copyOf(headers);
  }

  public Exchange(String method, String url, int status, Optional<String> location, String contentType, String body) {
    this(method, url, status, location, contentType, body, Map.of());
  }

  /** A response header by name, whatever its case (the first value when it was repeated). */
  public Optional<String> header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  public boolean redirect() {
    return status / 100 == 3 && location.isPresent();
  }

  /** The host a URL names ({@code user_ab.x.test}; kept as text because ids carry underscores). */
  static String hostOf(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  static String pathOf(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    return slash < 0 ? "/" : rest.substring(slash);
  }
}
