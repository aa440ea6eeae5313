package io.artifact.flyemu.mcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON Schema 2020-12 maps tools declare; the SDK validates arguments against them
 * (maven-stack.md gotcha 11), so every constraint here is enforced on the wire.
 */
public final class Schema {

  private final Map<String, Object> props = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();
  private boolean closed = true;

  private Schema() {}

  public static Schema object() {
    return new Schema();
  }

  public Schema required(String name, Map<String, Object> schema) {
    props.put(name, schema);
    required.add(name);
    return this;
  }

  public Schema optional(String name, Map<String, Object> schema) {
    props.put(name, schema);
    return this;
  }

  /** Output schemas stay open so adding a field is not a breaking change. */
  public Schema open() {
    closed = false;
    return this;
  }

  public Map<String, Object> build() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    m.put("properties", props);
    if (!required.isEmpty()) m.put("required", required);
    if (closed) m.put("additionalProperties", false);
    return m;
  }

  public static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  public static Map<String, Object> string(String description, String pattern) {
    return Map.of("type", "string", "description", description, "pattern", pattern);
  }

  public static Map<String, Object> bool(String description) {
    return Map.of("type", "boolean", "description", description);
  }

  public static Map<String, Object> integer(String description, int min, int max) {
    return Map.of("type", "integer", "description", description, "minimum", min, "maximum", max);
  }

  public static Map<String, Object> stringMap(String description) {
    return Map.of("type", "object", "description", description, "additionalProperties", Map.of("type", "string"));
  }

  public static Map<String, Object> anyObject(String description) {
    return Map.of("type", "object", "description", description);
  }

  public static Map<String, Object> array(String description, Map<String, Object> items) {
    return Map.of("type", "array", "description", description, "items", items);
  }

  public static Map<String, Object> array(String description, Map<String, Object> items, int minItems) {
    return Map.of("type", "array", "description", description, "items", items, "minItems", minItems);
  }

  public static final String APP_NAME = "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";
  public static final String REGION = "^[a-z]{3}$";
  public static final String MACHINE_ID = "^[0-9a-f]{14}$";
}
