package io.artifact.flyemu.exec;

import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.ReleaseCatalog;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The DOC behaviour: new Machines start on the newest valid release of the agent image
 * ({@link ReleaseCatalog}); a malformed manifest, or one naming an image Fly cannot pull, is
 * rejected with a log line naming the file and the field, and the release before it stays in use.
 */
final class ManifestReleases implements Releases {

  private final ReleaseCatalog catalog;
  private final String name;
  private final Consumer<String> log;

  ManifestReleases(NfsRoot root, String name, Consumer<String> log) {
    this.name = name;
    this.log = log;
    this.catalog = new ReleaseCatalog(root, (file, problems, keeping) -> log.accept("release manifest " + file + " rejected: "
        + problems.stream().map(Object::toString).collect(Collectors.joining("; "))
        + keeping.map(r -> "; new agents keep the release " + r.image()).orElse("; no valid release of " + name + " is left")));
  }

  @Override
  public ImageRecord forNewMachine(ImageRecord queuedWith) {
    return catalog.newest(name).orElseGet(() -> {
      log.accept("no valid release in " + ReleaseCatalog.file(name) + "; starting from the record the instance was queued with");
      return queuedWith;
    });
  }

  @Override
  public boolean unpullable(ImageRecord record, String why) {
    return catalog.rejectImage(name, record, "Fly cannot pull " + record.image() + " (" + why.replaceAll("\\s+", " ") + ")");
  }
}
