package io.artifact.e2e.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment profile ({@code env/<name>.properties}): which target, which org slice, which
 * timeouts, which secrets (by environment variable name only). Values are validated when read,
 * and a bad one names the file, the key and the expected form.
 */
public final class Profile {

  /** What kind of stack the suite judges: the embedded emulator, endpoints named in the profile, or a real Fly org. */
  public enum Target { EMBEDDED, EXTERNAL, FLY }

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final String name;
  private final String source;
  private final Map<String, String> values;
  private final Map<String, String> environment;

  Profile(String name, String source, Map<String, String> values, Map<String, String> environment) {
    this.name = name;
    this.source = source;
    this.values = new TreeMap<>(values);
    this.environment = environment;
  }

  public String name() { return name; }

  /** This profile with some keys set otherwise (a kill-matrix variant's images, say). */
  public Profile with(Map<String, String> overrides) {
    Map<String, String> v = new TreeMap<>(values);
    v.putAll(overrides);
    return new Profile(name, source + " with " + overrides, v, environment);
  }

  /** The file the profile came from, for error messages. */
  public String source() { return source; }

  public Target target() {
    String t = string("target");
    return switch (t) {
      case "embedded" -> Target.EMBEDDED;
      case "external" -> Target.EXTERNAL;
      case "fly" -> Target.FLY;
      default -> throw malformed("target", "embedded, external or fly", t);
    };
  }

  public boolean embedded() { return target() == Target.EMBEDDED; }

  /**
   * Does every scenario get its own org slice ({@code slice.scope=scenario}), or does the run share
   * one ({@code run}, the default)? Per scenario needs a target where apps are cheap to create.
   */
  public boolean slicePerScenario() {
    String s = optional("slice.scope").orElse("run");
    if (!List.of("scenario", "run").contains(s)) throw malformed("slice.scope", "scenario or run", s);
    return s.equals("scenario");
  }

  /** ephemeral (fresh slice per run, or per scenario on the embedded stack), staging, or hybrid. */
  public String strategy() {
    String s = string("strategy");
    if (!List.of("ephemeral", "staging", "hybrid").contains(s)) throw malformed("strategy", "ephemeral, staging or hybrid", s);
    return s;
  }

  public boolean production() { return bool("production"); }

  public String string(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) throw new ProfileException(source + ": missing key '" + key + "'");
    return v.trim();
  }

  public Optional<String> optional(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public boolean bool(String key) {
    String v = string(key);
    if (!v.equals("true") && !v.equals("false")) throw malformed(key, "true or false", v);
    return Boolean.parseBoolean(v);
  }

  public int integer(String key) {
    String v = string(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw malformed(key, "a whole number", v);
    }
  }

  public Duration duration(String key) {
    return parseDuration(key, string(key));
  }

  public Optional<Duration> optionalDuration(String key) {
    return optional(key).map(v -> parseDuration(key, v));
  }

  /** Keys under a prefix, without it: {@code stack.boot-delay.} → {@code {fly-nfs=150ms, …}}. */
  public Map<String, String> section(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v.trim());
    });
    return out;
  }

  /** The environment variables named by {@code secrets.required}; all must be set. */
  public List<String> requiredSecrets() {
    return optional("secrets.required").map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
  }

  /** A secret by environment variable name; secrets never live in profile files. */
  public String secret(String envVar) {
    String v = environment.get(envVar);
    if (v == null || v.isBlank()) {
      throw new ProfileException("profile '" + name + "' needs the environment variable " + envVar + " (set it; secrets are never read from " + source + ")");
    }
    return v;
  }

  public Optional<String> optionalSecret(String envVar) {
    String v = environment.get(envVar);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** Every key and value, for the run manifest (profiles hold no secrets, only variable names). */
  public Map<String, String> values() {
    return Map.copyOf(values);
  }

  Duration parseDuration(String key, String raw) {
    Matcher m = DURATION.matcher(raw.trim());
    if (!m.matches()) throw malformed(key, "a duration like 500ms, 5s, 2m or 1h", raw);
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private ProfileException malformed(String key, String expected, String was) {
    return new ProfileException(source + ": " + key + " must be " + expected + " (was '" + was + "')");
  }
}
