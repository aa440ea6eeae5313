package io.artifact.flyemu.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the embedded stack sees it, independent of Jetty. {@code host} is the
 * name the client asked for (Host header or absolute-form URI), lower-cased and without port.
 */
public record HttpRequest(
    String method,
    String scheme,
    String host,
    int port,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  public HttpRequest {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
    headers = lower;
    host = host == null ? "" : host.toLowerCase(Locale.ROOT);
    rawQuery = rawQuery == null ? "" : rawQuery;
    body = body == null ? new byte[0] : body;
  }

  public static HttpRequest of(String method, String host, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    return new HttpRequest(method, "http", host, 80, path, query, Map.of(), new byte[0]);
  }

  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public Optional<String> query(String name) {
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (k.equals(name)) {
        return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  public boolean queryFlag(String name) {
    return query(name).map(v -> v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
  }

  public Optional<String> cookie(String name) {
    for (String line : headers.getOrDefault("cookie", List.of())) {
      for (String part : line.split(";")) {
        String p = part.trim();
        if (p.startsWith(name + "=")) return Optional.of(p.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The URL as the app sees it behind Fly's TLS termination (stack-contract §2.2). */
  public String url() {
    String portPart = (port == 80 || port <= 0) ? "" : ":" + port;
    return scheme + "://" + host + portPart + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  public HttpRequest withHost(String newHost, int newPort) {
    return new HttpRequest(method, scheme, newHost, newPort, path, rawQuery, headers, body);
  }

  public HttpRequest withHeader(String name, String value) {
    Map<String, List<String>> h = new LinkedHashMap<>(headers);
    h.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new HttpRequest(method, scheme, host, port, path, rawQuery, h, body);
  }
}
