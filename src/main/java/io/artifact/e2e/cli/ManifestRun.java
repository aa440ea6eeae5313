package io.artifact.e2e.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code run --manifest FILE} (the runbook's orchestrator "loads manifests"): a scenario manifest —
 * one the suite wrote, or one ops prepared — is checked against the schema, then staged: its matrix id
 * selects the row (unless {@code --scenario} is given), and its strategy, org slug, org prefix and
 * images become the run's profile overrides ({@code e2e.<key>}), so the run stands up (or, for
 * staging and hybrid, checks) the slice the manifest describes. The run id is always a fresh one.
 */
final class ManifestRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestRun() {}

  static void stage(Path file, List<String> scenarios, CommandLine cli) {
    List<String> problems = ManifestCommand.problems(file);
    if (!problems.isEmpty()) {
      throw new CommandLine.ParameterException(cli, "--manifest " + file + ": " + String.join("; ", problems));
    }
    JsonNode m;
    try {
      m = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cli, "--manifest " + file + ": " + e.getMessage());
    }
    if (scenarios.isEmpty()) {
      String id = null;
      for (JsonNode t : m.path("tags")) {
        if (t.asText().matches("@[A-Z]+(-[0-9]+)?")) id = t.asText().substring(1);
      }
      if (id == null) throw new CommandLine.ParameterException(cli, "--manifest " + file + ": $.tags: no matrix id (like @EXEC-010) to run");
      scenarios.add(id);
    }
    String strategy = m.path("strategy").asText();
    System.setProperty("e2e.strategy", strategy);
    System.setProperty("e2e.org.slug", m.path("org_slug").asText());
    System.setProperty("e2e.org.prefix", orgPrefix(m.path("org_prefix").asText()));
    m.path("images").fields().forEachRemaining(e -> System.setProperty("e2e.image." + e.getKey(), e.getValue().asText()));
  }

  /** The org an ephemeral slice was cut from: {@code org1-e2e-k3x9a2s3} → {@code org1}; other slices are the org itself. */
  static String orgPrefix(String slicePrefix) {
    return slicePrefix.replaceFirst("-e2e-[a-z][a-z0-9]{5}(s[a-z0-9]+)?$", "");
  }
}
