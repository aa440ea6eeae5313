package io.artifact.flyemu.nfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The instance files {@code ROOT/<computer>/exec/<agent>.json} (stack-contract.md §1.3). */
public final class InstanceFiles {

  private final NfsRoot root;

  public InstanceFiles(NfsRoot root) {
    this.root = root;
  }

  public Optional<Instance> read(String computer, String agent) {
    return NfsJson.read(file(computer, agent), Instance.class);
  }

  /** A full rewrite, atomic (DOC; the real stack's non-atomic write is race (b) of §8). */
  public void write(String computer, String agent, Instance instance) {
    NfsJson.writeAtomically(file(computer, agent), NfsJson.render(instance, true));
  }

  public boolean delete(String computer, String agent) {
    try {
      return Files.deleteIfExists(file(computer, agent));
    } catch (IOException e) {
      throw new LayoutException("cannot delete " + agent + ".json: " + e.getMessage(), e);
    }
  }

  /** Agent ids that have an instance file; a computer without {@code exec/} is an error, as in exec. */
  public List<String> agents(String computer) {
    Path dir = execDir(computer);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !Files.isDirectory(p))
          .map(p -> p.getFileName().toString())
          .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length()).toLowerCase(Locale.ROOT))
          .sorted().toList();
    } catch (NoSuchFileException e) {
      throw new UnknownComputerException(computer);
    } catch (IOException e) {
      throw new LayoutException("cannot list " + computer + "/exec: " + e.getMessage(), e);
    }
  }

  private Path execDir(String computer) {
    return root.path().resolve(NfsIds.require("computer", computer)).resolve(ComputerStore.EXEC);
  }

  private Path file(String computer, String agent) {
    return execDir(computer).resolve(NfsIds.require("agent", agent) + ".json");
  }
}
