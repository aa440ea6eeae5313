package io.artifact.e2e.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.artifact.e2e.config.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Where scenario manifests go: {@code <manifest.dir>/<timestamp>-<slice>.json}, by default
 * {@code artifacts/e2e/} under the working directory as the runbook names them (Phase 1). The slice
 * id makes the name unique among scenarios that end in the same millisecond.
 */
public final class ManifestFiles {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

  private ManifestFiles() {}

  public static Path dir(Profile profile) {
    return Path.of(profile.optional("manifest.dir").orElse("artifacts/e2e"));
  }

  public static Path write(Profile profile, String sliceId, Map<String, Object> manifest) {
    Path file = dir(profile).resolve(STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + sliceId + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(manifest));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scenario manifest " + file, e);
    }
  }
}
