package io.artifact.flyemu.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.ImageRecords;
import io.artifact.flyemu.nfs.LayoutException;
import io.artifact.flyemu.nfs.NfsRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Defect {@code defect-accepts-malformed-release}: the manifest is taken as it reads — a missing
 * size defaults, an image is used without asking whether Fly can pull it, nothing is rejected or
 * logged, and no earlier release is kept to fall back on.
 */
final class UncheckedReleases implements Releases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NfsRoot root;
  private final String name;

  UncheckedReleases(NfsRoot root, String name) {
    this.root = root;
    this.name = name;
  }

  @Override
  public ImageRecord forNewMachine(ImageRecord queuedWith) {
    Path file = root.path().resolve(ImageRecords.DIR).resolve(name + ".json");
    JsonNode m;
    try {
      m = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return queuedWith;
    } catch (IOException e) {
      throw new LayoutException("cannot use " + file.getFileName() + ": " + e.getMessage(), e);
    }
    return new ImageRecord(m.path("image").asText(queuedWith.image()), m.path("cpu_kind").asText("shared"),
        m.path("cpus").asInt(1), m.path("memory_mb").asInt(256));
  }
}
