package io.artifact.flyemu.nfs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The computers on the NFS share (stack-contract.md §1.2): {@code ROOT/<computer>/{agents,exec,repos}},
 * agents with {@code home/}, {@code workspace/} and {@code agent.toml}, and the computer config
 * that names its landing agent (DOC, §8 G6: reuse it, create one only when there is none).
 */
public final class ComputerStore {

  static final String AGENTS = "agents";
  static final String EXEC = "exec";
  static final String REPOS = "repos";
  static final String CONFIG = "computer.json";
  private static final int NAME_ATTEMPTS = 50;

  /** {@code ROOT/<computer>/computer.json}. */
  record ComputerConfig(@JsonProperty("landing_agent") String landingAgent) {}

  private final NfsRoot root;
  private final InstanceFiles instances;
  private final ImageRecords images;

  public ComputerStore(NfsRoot root) {
    this.root = root;
    this.instances = new InstanceFiles(root);
    this.images = new ImageRecords(root);
  }

  public InstanceFiles instances() { return instances; }
  public ImageRecords images() { return images; }

  /** Seeds a release record, as provisioning does for {@code host-coder} (see {@link ImageRecords}). */
  public static void publishImageRecord(Path root, String name, ImageRecord record) {
    new ImageRecords(NfsRoot.at(root)).publish(name, record);
  }

  /** Creates {@code agents/}, {@code exec/} and {@code repos/} (idempotent); returns the lowercased id. */
  public String upsertComputer(String id) {
    String computer = NfsIds.require("computer", id);
    Path dir = root.path().resolve(computer);
    try {
      for (String sub : List.of(AGENTS, EXEC, REPOS)) Files.createDirectories(dir.resolve(sub));
    } catch (IOException e) {
      throw new LayoutException("cannot create computer " + computer + ": " + e.getMessage(), e);
    }
    return computer;
  }

  /** Every computer id on the share (folders other than the image records'). */
  public List<String> computers() {
    try (Stream<Path> s = Files.list(root.path())) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(ImageRecords.DIR) && NfsIds.valid(n)).sorted().toList();
    } catch (IOException e) {
      throw new LayoutException("cannot list computers: " + e.getMessage(), e);
    }
  }

  /** True when all three subdirectories are directories; an unknown or malformed id is simply absent. */
  public boolean computerExists(String id) {
    if (!NfsIds.valid(id)) return false;
    Path dir = root.path().resolve(NfsIds.require("computer", id));
    return Stream.of(AGENTS, EXEC, REPOS).allMatch(sub -> Files.isDirectory(dir.resolve(sub)));
  }

  public boolean agentExists(String computer, String agent) {
    if (!NfsIds.valid(computer) || !NfsIds.valid(agent)) return false;
    return Files.isDirectory(agentDir(computer, agent));
  }

  public List<String> agents(String computer) {
    Path dir = root.path().resolve(NfsIds.require("computer", computer)).resolve(AGENTS);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new LayoutException("cannot list agents of " + computer + ": " + e.getMessage(), e);
    }
  }

  /** The landing agent the computer config names, if that agent still exists. */
  public Optional<String> landingAgent(String computer) {
    Path config = root.path().resolve(NfsIds.require("computer", computer)).resolve(CONFIG);
    return NfsJson.read(config, ComputerConfig.class).map(ComputerConfig::landingAgent)
        .filter(a -> agentExists(computer, a));
  }

  /** Finds the landing agent, or creates one and records it in the computer config. */
  public synchronized String upsertLandingAgent(String computer) {
    Optional<String> existing = landingAgent(computer);
    if (existing.isPresent()) return existing.get();
    String agent = createAgent(computer);
    Path config = root.path().resolve(NfsIds.require("computer", computer)).resolve(CONFIG);
    NfsJson.writeAtomically(config, NfsJson.render(new ComputerConfig(agent), true));
    return agent;
  }

  /** A new agent with a fresh adjective-animal id: {@code home/}, {@code workspace/}, {@code agent.toml}. */
  public String createAgent(String computer) {
    String c = NfsIds.require("computer", computer);
    for (int i = 0; i < NAME_ATTEMPTS; i++) {
      String agent = AgentNames.next();
      Path dir = agentDir(c, agent);
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException taken) {
        continue;
      } catch (IOException e) {
        throw new LayoutException("cannot create an agent in " + c + ": " + e.getMessage(), e);
      }
      try {
        Files.createDirectory(dir.resolve("home"));
        Files.createDirectory(dir.resolve("workspace"));
        Files.writeString(dir.resolve("agent.toml"), AgentToml.landing());
      } catch (IOException e) {
        throw new LayoutException("cannot populate agent " + agent + ": " + e.getMessage(), e);
      }
      return agent;
    }
    throw new LayoutException("no free agent name in " + c + " after " + NAME_ATTEMPTS + " attempts");
  }

  public void deleteComputer(String computer) {
    Path dir = root.path().resolve(NfsIds.require("computer", computer));
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new LayoutException("cannot delete computer " + computer + ": " + e.getMessage(), e);
    }
  }

  private Path agentDir(String computer, String agent) {
    return root.path().resolve(NfsIds.require("computer", computer)).resolve(AGENTS).resolve(NfsIds.require("agent", agent));
  }
}
