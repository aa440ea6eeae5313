package io.artifact.e2e.nfs;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where things live under ROOT and how the suite renders them (stack-contract.md §1.2–1.4), shared
 * by every {@link NfsPort} adapter so that a local directory and a volume reached over {@code fly
 * ssh} look the same. Paths are relative to ROOT and {@code /}-separated.
 */
public final class NfsLayout {

  /** Image records, where the docs put them (stack-contract.md §8 G16; the IMPL path differs). */
  public static final String IMAGES = "images";
  public static final List<String> COMPUTER_DIRS = List.of("agents", "exec", "repos");
  public static final List<String> AGENT_DIRS = List.of("home", "workspace");

  private static final String JSON_SUFFIX = ".json";
  /** Computer ids are lowercased Clerk ids ({@code user_…}, {@code test-computer}), agents adjective-animal (§7.2). */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private NfsLayout() {}

  public static List<String> computerDirs(String computer) {
    return COMPUTER_DIRS.stream().map(d -> computer + "/" + d).toList();
  }

  public static String execDir(String computer) {
    return computer + "/exec";
  }

  public static String agentDir(String computer, String agent) {
    return computer + "/agents/" + agent;
  }

  public static String agentToml(String computer, String agent) {
    return agentDir(computer, agent) + "/agent.toml";
  }

  public static String instanceFile(String computer, String agent) {
    return execDir(computer) + "/" + agent + JSON_SUFFIX;
  }

  public static String imageRecord(String name) {
    return IMAGES + "/" + name + JSON_SUFFIX;
  }

  /** The hidden sibling a file is written to before it is renamed into place. */
  public static String tempName(String fileName) {
    return "." + fileName + ".e2e-tmp";
  }

  /** Exec reads only {@code *.json} entries of {@code exec/}; the suite's hidden temp files never count. */
  public static boolean isInstanceFileName(String name) {
    return name.endsWith(JSON_SUFFIX) && !name.startsWith(".");
  }

  public static String agentOf(String instanceFileName) {
    return instanceFileName.substring(0, instanceFileName.length() - JSON_SUFFIX.length());
  }

  /** A top-level directory that is a computer, not the image records. */
  public static boolean isComputerName(String name) {
    return !name.equals(IMAGES);
  }

  /** The id, if it is one the stack writes; anything else (a path trick, upper case) is refused. */
  public static String requireId(String kind, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(kind + " id '" + id + "' is not one the stack writes: lowercase letters, digits, "
          + "'-' and '_', starting with a letter or digit, at most 63 characters (stack-contract.md §1.2, §7.2)");
    }
    return id;
  }

  public static String agentTomlContent(String agent) {
    return "name = \"" + agent + "\"\nversion = \"0.0.1\"\n\n[agent]\ncommand = \"deno\"\n";
  }

  /** 2-space JSON without a trailing newline, as release writes image records (§1.4). */
  public static String renderImageRecord(Map<String, Object> record) {
    return render(record);
  }

  /** 2-space JSON with a trailing newline, as the router and exec write instance files (§1.3). */
  public static String renderInstance(InstanceFile instance) {
    return render(instance) + "\n";
  }

  public static InstanceFile parseInstance(String text) throws IOException {
    return JSON.readValue(text, InstanceFile.class);
  }

  private static String render(Object value) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
