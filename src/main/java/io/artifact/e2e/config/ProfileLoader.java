package io.artifact.e2e.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds and validates a profile. The name comes from {@code -Denv=NAME}, else {@code E2E_ENV},
 * else {@code local}. Files are read from {@code env/} in the working directory, falling back to
 * the copies packed in the jar. System properties {@code e2e.<key>} override profile keys (how a
 * defect proof swaps an image without editing a file).
 */
public final class ProfileLoader {

  static final Set<String> BUILT_IN = Set.of("local", "staging", "ephemeral", "hybrid");

  private final Path envDir;
  private final Map<String, String> environment;
  private final Properties system;

  public ProfileLoader(Path envDir, Map<String, String> environment, Properties system) {
    this.envDir = envDir;
    this.environment = environment;
    this.system = system;
  }

  public static ProfileLoader fromProcess() {
    return new ProfileLoader(Path.of("env"), System.getenv(), System.getProperties());
  }

  /** The profile name the user asked for. */
  public String requestedName() {
    String fromProperty = system.getProperty("env");
    if (fromProperty != null && !fromProperty.isBlank()) return fromProperty.trim();
    String fromEnv = environment.get("E2E_ENV");
    return fromEnv == null || fromEnv.isBlank() ? "local" : fromEnv.trim();
  }

  public Profile load() {
    return load(requestedName());
  }

  public Profile load(String name) {
    return load(name, true);
  }

  /**
   * The profile without requiring its credentials: for a command that needs one of them only and
   * names it itself ({@code sweep} needs the Fly token, not Clerk's).
   */
  public Profile loadWithoutSecrets(String name) {
    return load(name, false);
  }

  private Profile load(String name, boolean withSecrets) {
    if (!name.matches("[a-z0-9-]+")) throw unknown(name);
    Path file = envDir.resolve(name + ".properties");
    Properties props = new Properties();
    String source;
    if (Files.isRegularFile(file)) {
      source = "env/" + name + ".properties";
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        throw new ProfileException("cannot read " + file + ": " + e.getMessage());
      }
    } else {
      InputStream in = ProfileLoader.class.getClassLoader().getResourceAsStream("env/" + name + ".properties");
      if (in == null) throw unknown(name);
      source = "env/" + name + ".properties (packed)";
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        throw new ProfileException("cannot read " + source + ": " + e.getMessage());
      }
    }
    Map<String, String> values = new HashMap<>();
    props.forEach((k, v) -> values.put(k.toString(), v.toString()));
    system.forEach((k, v) -> {
      String key = k.toString();
      if (key.startsWith("e2e.")) values.put(key.substring(4), v.toString());
    });
    Profile p = new Profile(name, source, values, environment);
    validate(p, withSecrets);
    return p;
  }

  /** Every value is read once here, so a malformed one fails before anything starts. */
  private static void validate(Profile p, boolean withSecrets) {
    p.target();
    p.strategy();
    p.production();
    p.slicePerScenario();
    if (withSecrets) p.section("secret.").values().forEach(p::secret);
    p.string("org.prefix");
    p.string("base.domain");
    p.string("region");
    p.section("timeouts.").keySet().forEach(k -> p.duration("timeouts." + k));
    p.section("stack.").forEach((k, v) -> {
      if (k.contains("delay") || k.contains("timeout") || k.contains("after") || k.contains("window")) p.duration("stack." + k);
    });
    String backend = p.string("fly.backend");
    if (!backend.equals("rest") && !backend.equals("mcp") && !backend.equals("flyctl")) {
      throw new ProfileException(p.source() + ": fly.backend must be rest, mcp or flyctl (was '" + backend + "')");
    }
    if (backend.equals("flyctl")) p.duration("timeouts.flyctl"); // the bound of every fly call (fly logs --no-tail can hang)
    String ensure = p.optional("phase1.ensure-apps").orElse("fly");
    if (!ensure.equals("fly") && !ensure.equals("mcp")) {
      throw new ProfileException(p.source() + ": phase1.ensure-apps must be fly or mcp (was '" + ensure + "')");
    }
    for (String required : new String[] {"timeouts.boot", "timeouts.await", "timeouts.poll", "timeouts.api-retry"}) p.duration(required);
    if (!p.string("org.prefix").matches("[a-z][a-z0-9-]{1,30}")) {
      throw new ProfileException(p.source() + ": org.prefix must be lowercase letters, digits and dashes, like org1 (was '" + p.string("org.prefix") + "')");
    }
    if (withSecrets) p.requiredSecrets().forEach(p::secret);
  }

  /** A duration given outside a profile (a command-line option), in the profiles' form. */
  public static java.time.Duration duration(String what, String raw) {
    return new Profile(what, what, Map.of(), Map.of()).parseDuration(what, raw);
  }

  private ProfileException unknown(String name) {
    return new ProfileException("unknown profile '" + name + "' (no env/" + name + ".properties); known profiles: " + String.join(", ", known()));
  }

  /** Profiles on disk plus the built-in ones. */
  public Set<String> known() {
    Set<String> names = new TreeSet<>(BUILT_IN);
    if (Files.isDirectory(envDir)) {
      try (Stream<Path> files = Files.list(envDir)) {
        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".properties"))
            .forEach(f -> names.add(f.substring(0, f.length() - ".properties".length())));
      } catch (IOException e) {
        throw new ProfileException("cannot list " + envDir + ": " + e.getMessage());
      }
    }
    return names;
  }
}
