package io.artifact.e2e.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staging rotates the secrets a run used before the next run (E2E.md "Environment Strategies"). The
 * suite cannot mint Fly or Clerk credentials, so it holds ops to it: a run records the digests (never
 * the values) of the credentials it used ({@code secret.<name>=VARIABLE}) in
 * {@code <manifest.dir>/staging-secrets-used.json}, and the next staging run refuses to start while any
 * of them is unchanged ({@code staging.rotation=enforce}, as env/staging.properties sets it), or says
 * so and goes on ({@code warn}, the default: rehearsals against one {@code stack up} keep its tokens).
 */
final class SecretRotation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretRotation() {}

  static Path file(Profile p) {
    return Path.of(p.optional("manifest.dir").orElse("artifacts/e2e")).resolve("staging-secrets-used.json");
  }

  /** The variables whose values are the ones the previous run used; throws (one line) in enforce mode. */
  static List<String> check(Profile p, RunScope run) {
    Path f = file(p);
    if (!Files.isRegularFile(f)) return List.of();
    JsonNode previous;
    try {
      previous = JSON.readTree(f.toFile());
    } catch (IOException e) {
      throw new ProfileException(f + ": unreadable record of the secrets the last staging run used (" + e.getMessage() + "); remove it after rotating them");
    }
    List<String> unrotated = new ArrayList<>();
    digests(p).forEach((variable, digest) -> {
      if (digest.equals(previous.path("digests").path(variable).asText(null))) unrotated.add(variable);
    });
    if (unrotated.isEmpty()) return unrotated;
    String line = "staging: " + String.join(", ", unrotated) + " still hold(s) the value(s) run " + previous.path("run_id").asText()
        + " used; rotate them before the next run (E2E.md Environment Strategies), or set staging.rotation=warn in " + p.source();
    if (!p.optional("staging.rotation").orElse("warn").equals("enforce")) {
      run.notes().accept(line.replace("staging: ", "staging (warn): "));
      return unrotated;
    }
    throw new ProfileException(line);
  }

  /** Records what this run used, for the next run's check. */
  static void record(Profile p, String runId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("run_id", runId);
    body.put("digests", digests(p));
    try {
      Files.createDirectories(file(p).getParent());
      Files.writeString(file(p), JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the secrets this staging run used in " + file(p), e);
    }
  }

  /** Variable name → sha256 of its value, for every credential the profile names that is set. */
  static Map<String, String> digests(Profile p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.section("secret.").values().forEach(variable -> p.optionalSecret(variable).ifPresent(v -> out.put(variable, sha256(v))));
    return out;
  }

  private static String sha256(String v) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
