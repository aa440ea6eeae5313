package io.artifact.flyemu.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replay request (fly-facts.md §7): the {@code application/vnd.fly.replay+json} body or the
 * {@code fly-replay} header. Apps build one with {@link #toResponse}; the edge reads it back with
 * {@link #from}. Null fields are absent.
 */
public record FlyReplay(String app, String instance, String preferInstance, String region, String state, boolean elsewhere) {

  public static final String CONTENT_TYPE = "application/vnd.fly.replay+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static FlyReplay toInstance(String app, String instance) {
    return new FlyReplay(app, instance, null, null, null, false);
  }

  public static FlyReplay toApp(String app, String state) {
    return new FlyReplay(app, null, null, null, state, false);
  }

  /** The router's answer: 202 with the JSON body (stack-contract.md §2.6 step 4). */
  public HttpResponse toResponse() {
    ObjectNode n = JSON.createObjectNode();
    if (app != null) n.put("app", app);
    if (instance != null) n.put("instance", instance);
    if (preferInstance != null) n.put("prefer_instance", preferInstance);
    if (region != null) n.put("region", region);
    if (state != null) n.put("state", state);
    if (elsewhere) n.put("elsewhere", true);
    return new HttpResponse(202, Map.of("content-type", List.of(CONTENT_TYPE)), n.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The replay a response asks for, if any; a malformed one is {@link IllegalArgumentException}. */
  public static Optional<FlyReplay> from(HttpResponse response) {
    if (response.header("content-type").map(t -> t.toLowerCase().startsWith(CONTENT_TYPE)).orElse(false)) {
      try {
        JsonNode n = JSON.readTree(response.body());
        return Optional.of(new FlyReplay(text(n, "app"), text(n, "instance"), text(n, "prefer_instance"),
            text(n, "region"), text(n, "state"), n.path("elsewhere").asBoolean(false)));
      } catch (IOException e) {
        throw new IllegalArgumentException("malformed replay body: " + e.getMessage(), e);
      }
    }
    return response.header("fly-replay").map(FlyReplay::parseHeader);
  }

  static FlyReplay parseHeader(String header) {
    Map<String, String> f = new HashMap<>();
    for (String part : header.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) f.put(part.substring(0, eq).trim().toLowerCase(), part.substring(eq + 1).trim().replace("\"", ""));
    }
    return new FlyReplay(f.get("app"), f.get("instance"), f.get("prefer_instance"), f.get("region"), f.get("state"),
        "true".equalsIgnoreCase(f.get("elsewhere")));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
