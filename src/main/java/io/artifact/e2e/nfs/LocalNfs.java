package io.artifact.e2e.nfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link NfsPort} on a directory: the embedded stack's NFS export, "mounted" afresh for every
 * call (so an NFS outage fails the call, as a real mount would). Written independently of the
 * stack's own code so that it can disagree with it; layout and formats from {@link NfsLayout}.
 */
public final class LocalNfs implements NfsPort {

  private final Supplier<Path> root;

  public LocalNfs(Supplier<Path> root) {
    this.root = root;
  }

  @Override
  public void publishImageRecord(String name, Map<String, Object> record) {
    write(root.get().resolve(NfsLayout.imageRecord(name)), NfsLayout.renderImageRecord(record));
  }

  @Override
  public Optional<String> imageRecordText(String name) {
    Path file = root.get().resolve(NfsLayout.imageRecord(NfsLayout.requireId("image", name)));
    try {
      return Optional.of(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read release manifest " + NfsLayout.imageRecord(name), e);
    }
  }

  @Override
  public void publishImageRecordText(String name, String text) {
    write(root.get().resolve(NfsLayout.imageRecord(NfsLayout.requireId("image", name))), text);
  }

  @Override
  public void removeImageRecord(String name) {
    try {
      Files.deleteIfExists(root.get().resolve(NfsLayout.imageRecord(NfsLayout.requireId("image", name))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove release manifest " + NfsLayout.imageRecord(name), e);
    }
  }

  @Override
  public void createComputer(String computer) {
    Path r = root.get();
    for (String dir : NfsLayout.computerDirs(computer)) mkdirs(r.resolve(dir));
  }

  @Override
  public void createAgent(String computer, String agent) {
    Path dir = root.get().resolve(NfsLayout.agentDir(computer, agent));
    for (String sub : NfsLayout.AGENT_DIRS) mkdirs(dir.resolve(sub));
    write(root.get().resolve(NfsLayout.agentToml(computer, agent)), NfsLayout.agentTomlContent(agent));
  }

  @Override
  public List<String> computers() {
    return list(root.get(), true).stream().filter(NfsLayout::isComputerName).toList();
  }

  @Override
  public List<String> instances(String computer) {
    return list(root.get().resolve(NfsLayout.execDir(computer)), false).stream()
        .filter(NfsLayout::isInstanceFileName).map(NfsLayout::agentOf).toList();
  }

  @Override
  public Optional<InstanceFile> readInstance(String computer, String agent) {
    Path file = root.get().resolve(NfsLayout.instanceFile(computer, agent));
    try {
      return Optional.of(NfsLayout.parseInstance(Files.readString(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instance file " + NfsLayout.instanceFile(computer, agent), e);
    }
  }

  @Override
  public void writeInstance(String computer, String agent, InstanceFile instance) {
    write(root.get().resolve(NfsLayout.instanceFile(computer, agent)), NfsLayout.renderInstance(instance));
  }

  @Override
  public void removeComputer(String computer) {
    Path dir = root.get().resolve(NfsLayout.requireId("computer", computer));
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove computer " + computer, e);
    }
  }

  @Override
  public Optional<String> readInstanceText(String computer, String agent) {
    try {
      return Optional.of(Files.readString(root.get().resolve(NfsLayout.instanceFile(computer, agent))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instance file " + NfsLayout.instanceFile(computer, agent), e);
    }
  }

  @Override
  public void writeInstanceText(String computer, String agent, String content) {
    write(root.get().resolve(NfsLayout.instanceFile(computer, agent)), content);
  }

  @Override
  public boolean removeInstance(String computer, String agent) {
    try {
      return Files.deleteIfExists(root.get().resolve(NfsLayout.instanceFile(computer, agent)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove instance file " + NfsLayout.instanceFile(computer, agent), e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(NfsLayout.tempName(file.getFileName().toString()));
      Files.writeString(tmp, content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static List<String> list(Path dir, boolean directories) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isDirectory(p) == directories).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
