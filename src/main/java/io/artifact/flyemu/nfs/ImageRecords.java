package io.artifact.flyemu.nfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Release records of agent images. They live where the docs put them (stack-contract.md §8 G16):
 * {@code computers/images/<name>.json}, i.e. {@code ROOT/images/<name>.json}; {@code images} is
 * therefore not a usable computer id (Clerk ids look like {@code user_…}). Written as release
 * does, 2-space JSON without a trailing newline.
 */
public final class ImageRecords {

  public static final String DIR = "images";

  private final NfsRoot root;
  private final ReleaseCatalog releases;

  public ImageRecords(NfsRoot root) {
    this.root = root;
    this.releases = new ReleaseCatalog(root, ReleaseCatalog.SILENT);
  }

  public void publish(String name, ImageRecord record) {
    Path dir = root.path().resolve(DIR);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LayoutException("cannot create " + DIR + "/: " + e.getMessage(), e);
    }
    NfsJson.writeAtomically(dir.resolve(NfsIds.require("image", name) + ".json"), NfsJson.render(record, false));
  }

  /** The record, or {@link LayoutException} when it is missing or malformed. */
  public ImageRecord read(String name) {
    Path file = root.path().resolve(DIR).resolve(NfsIds.require("image", name) + ".json");
    return NfsJson.read(file, ImageRecord.class)
        .orElseThrow(() -> new LayoutException("image record " + DIR + "/" + name + ".json is missing"));
  }

  /**
   * The newest valid release of {@code name} this reader has seen ({@link ReleaseCatalog}): a
   * malformed manifest does not stop new agents while an earlier release is known. Judging it is
   * exec's part (stack-contract.md §8 G17), so nothing is reported here.
   */
  public ImageRecord current(String name) {
    return releases.newest(name).orElseThrow(() -> new LayoutException("image record " + DIR + "/" + name
        + ".json is missing or malformed, and no earlier release of " + name + " is known"));
  }
}
