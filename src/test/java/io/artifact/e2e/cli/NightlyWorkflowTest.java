package io.artifact.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code .github/workflows/e2e-nightly.yml} as GitHub reads it: the triggers, the nightly smoke job on
 * the staging profile with exactly the repository secrets that profile names, the reports uploaded and
 * linked, and pull requests sharded by every matrix id the features carry, merged afterwards.
 */
class NightlyWorkflowTest {

  static final Path WORKFLOW = Path.of(".github", "workflows", "e2e-nightly.yml");
  static JsonNode wf;

  @BeforeAll
  static void parse() throws Exception {
    wf = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
  }

  private static String runs(JsonNode job) {
    StringBuilder all = new StringBuilder();
    job.path("steps").forEach(s -> all.append(s.path("run").asText()).append('\n'));
    return all.toString();
  }

  private static List<String> uses(JsonNode job) {
    List<String> out = new ArrayList<>();
    job.path("steps").forEach(s -> out.add(s.path("uses").asText()));
    return out;
  }

  @Test
  void runsNightlyOnDemandAndOnPullRequests() {
    JsonNode on = wf.path("on");
    assertThat(on.path("schedule").get(0).path("cron").asText()).matches("\\d+ \\d+ \\* \\* \\*");
    assertThat(on.has("workflow_dispatch")).isTrue();
    assertThat(on.has("pull_request")).isTrue();
    assertThat(wf.path("jobs").fieldNames()).toIterable().containsExactlyInAnyOrder("smoke-staging", "unit-and-proofs", "suite-shard", "merge-reports");
  }

  @Test
  void theNightlyJobRunsSmokeOnStagingWithTheProfilesSecretsAndNothingElse() {
    JsonNode job = wf.path("jobs").path("smoke-staging");
    assertThat(job.path("if").asText()).contains("pull_request").contains("!=");
    Profile staging = new ProfileLoader(Path.of("env"), Map.of(), new Properties()).loadWithoutSecrets("staging");
    Set<String> variables = new TreeSet<>(staging.section("secret.").values());
    assertThat(variables).contains("FLY_API_TOKEN");
    // every variable the profile reads comes from the repository secret of the same name
    Map<String, String> env = new ObjectMapper().convertValue(job.path("env"), Map.class);
    variables.forEach(v -> assertThat(env).containsEntry(v, "${{ secrets." + v + " }}"));
    // and no secret is referenced that the profile does not name
    Matcher m = Pattern.compile("secrets\\.([A-Z0-9_]+)").matcher(job.toString());
    Set<String> referenced = new TreeSet<>();
    while (m.find()) referenced.add(m.group(1));
    assertThat(referenced).isEqualTo(variables);
    String run = runs(job);
    assertThat(run).contains("run --env staging").contains("@smoke").contains("not @destructive")
        .contains("sweep --env staging --older-than");
    assertThat(uses(job)).anyMatch(u -> u.startsWith("actions/upload-artifact@"));
    JsonNode upload = find(job, "actions/upload-artifact@");
    assertThat(upload.path("with").path("path").asText()).contains("target-reports/");
    assertThat(upload.path("if").asText()).isEqualTo("always()");
    assertThat(run).contains("GITHUB_STEP_SUMMARY").contains("target-reports/index.html").contains("steps.upload.outputs.artifact-url");
    assertThat(job.path("concurrency").path("cancel-in-progress").asBoolean(true)).as("runs on the shared org queue, never cut").isFalse();
  }

  @Test
  void pullRequestsShardTheWholeSuiteByEveryMatrixIdAndMergeTheReports() {
    JsonNode shard = wf.path("jobs").path("suite-shard");
    assertThat(shard.path("if").asText()).contains("== 'pull_request'");
    List<String> ids = new ArrayList<>();
    shard.path("strategy").path("matrix").path("matrix-id").forEach(i -> ids.add(i.asText()));
    assertThat(new TreeSet<>(ids)).as("every matrix id the features carry, once").isEqualTo(ScenarioCatalogue.load(Path.of("features")).matrixIds())
        .hasSize(ids.size());
    assertThat(shard.path("strategy").path("fail-fast").asBoolean(true)).isFalse();
    assertThat(runs(shard)).contains("-Dcucumber.filter.tags=\"@${{ matrix.matrix-id }}\"").doesNotContain("--env");
    assertThat(find(shard, "actions/upload-artifact@").path("with").path("name").asText()).contains("${{ matrix.matrix-id }}");
    JsonNode merge = wf.path("jobs").path("merge-reports");
    assertThat(merge.path("needs").asText()).isEqualTo("suite-shard");
    assertThat(merge.path("if").asText()).contains("always()");
    assertThat(runs(merge)).contains("jq -s 'add'").contains("matrix.json").contains("GITHUB_STEP_SUMMARY");
    assertThat(runs(wf.path("jobs").path("unit-and-proofs"))).contains("mvn").contains("!RunCucumberIT");
  }

  private static JsonNode find(JsonNode job, String usesPrefix) {
    for (JsonNode s : job.path("steps")) if (s.path("uses").asText().startsWith(usesPrefix)) return s;
    throw new AssertionError("no step uses " + usesPrefix);
  }
}
