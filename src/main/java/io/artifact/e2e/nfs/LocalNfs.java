package io.artifact.e2e.nfs;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link NfsPort} on a directory: the embedded stack's NFS export, "mounted" afresh for every
 * call (so an NFS outage fails the call, as a real mount would). Written independently of the
 * stack's own code so that it can disagree with it.
 */
public final class LocalNfs implements NfsPort {

  static final String IMAGES = "images";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private final Supplier<Path> root;

  public LocalNfs(Supplier<Path> root) {
    this.root = root;
  }

  @Override
  public void publishImageRecord(String name, Map<String, Object> record) {
    write(root.get().resolve(IMAGES).resolve(name + ".json"), render(record));
  }

  @Override
  public void createComputer(String computer) {
    for (String sub : List.of("agents", "exec", "repos")) mkdirs(root.get().resolve(computer).resolve(sub));
  }

  @Override
  public void createAgent(String computer, String agent) {
    Path dir = root.get().resolve(computer).resolve("agents").resolve(agent);
    mkdirs(dir.resolve("home"));
    mkdirs(dir.resolve("workspace"));
    write(dir.resolve("agent.toml"), "name = \"" + agent + "\"\nversion = \"0.0.1\"\n\n[agent]\ncommand = \"deno\"\n");
  }

  @Override
  public List<String> computers() {
    return list(root.get(), true).stream().filter(n -> !n.equals(IMAGES)).toList();
  }

  @Override
  public List<String> instances(String computer) {
    return list(root.get().resolve(computer).resolve("exec"), false).stream()
        .filter(n -> n.endsWith(".json") && !n.startsWith(".")).map(n -> n.substring(0, n.length() - 5)).toList();
  }

  @Override
  public Optional<InstanceFile> readInstance(String computer, String agent) {
    Path file = root.get().resolve(computer).resolve("exec").resolve(agent + ".json");
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), InstanceFile.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instance file " + computer + "/exec/" + agent + ".json", e);
    }
  }

  @Override
  public void writeInstance(String computer, String agent, InstanceFile instance) {
    write(root.get().resolve(computer).resolve("exec").resolve(agent + ".json"), render(instance) + "\n");
  }

  private static String render(Object value) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".e2e-tmp");
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
