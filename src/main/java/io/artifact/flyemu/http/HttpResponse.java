package io.artifact.flyemu.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP response produced by an embedded component, independent of Jetty. */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public static final String JSON = "application/json";

  public static HttpResponse json(int status, String json) {
    return json(status, json.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse json(int status, byte[] utf8Json) {
    return new HttpResponse(status, Map.of("content-type", List.of(JSON)), utf8Json);
  }

  public static HttpResponse text(int status, String text) {
    return new HttpResponse(status, Map.of("content-type", List.of("text/plain; charset=UTF-8")),
        text.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse empty(int status) {
    return new HttpResponse(status, Map.of(), new byte[0]);
  }

  public static HttpResponse redirect(int status, String location) {
    return new HttpResponse(status, Map.of("location", List.of(location)), new byte[0]);
  }

  public HttpResponse withHeader(String name, String value) {
    Map<String, List<String>> h = new LinkedHashMap<>(headers);
    h.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new HttpResponse(status, h, body);
  }

  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    if (v == null) {
      for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) v = e.getValue();
    }
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
