package io.artifact.flyemu.mcp.tools;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tool call's arguments, already checked against the tool's input schema. */
public record Args(Map<String, Object> raw) {

  public Args {
    raw = raw == null ? Map.of() : raw;
  }

  public String string(String name) {
    return optString(name).orElseThrow(() -> ToolException.invalid(name + ": is required"));
  }

  public Optional<String> optString(String name) {
    Object v = raw.get(name);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  public boolean bool(String name, boolean fallback) {
    Object v = raw.get(name);
    return v instanceof Boolean b ? b : fallback;
  }

  public int integer(String name, int fallback) {
    Object v = raw.get(name);
    return v instanceof Number n ? n.intValue() : fallback;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    Object v = raw.get(name);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  public List<String> strings(String name) {
    Object v = raw.get(name);
    return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  public boolean has(String name) {
    return raw.get(name) != null;
  }
}
