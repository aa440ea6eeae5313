package io.artifact.flyemu.clerk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Repeated query parameters ({@code username=a&username=b}, also {@code username[]=a}), as Clerk's list filters take them. */
final class QueryParams {

  private QueryParams() {}

  static List<String> all(String rawQuery, String name) {
    List<String> values = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name) || key.equals(name + "[]")) {
        values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  static String first(String rawQuery, String name) {
    List<String> v = all(rawQuery, name);
    return v.isEmpty() ? null : v.get(0);
  }

  static int integer(String rawQuery, String name, int fallback, int max) {
    String v = first(rawQuery, name);
    if (v == null || v.isBlank()) return fallback;
    try {
      return Math.max(0, Math.min(max, Integer.parseInt(v)));
    } catch (NumberFormatException e) {
      throw new ClerkException(ClerkException.Kind.INVALID_REQUEST, name, name + " must be an integer.");
    }
  }
}
