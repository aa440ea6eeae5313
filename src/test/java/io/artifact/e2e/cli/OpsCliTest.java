package io.artifact.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Bad input to the ops commands: one line on stderr naming what is wrong and where, exit 2, and
 * nothing started (each of these returns before a stack, a launcher or a Fly call exists).
 */
// runs the CLI or the suite in-process: they share the JVM's system properties (env, tag filter, dry run)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class OpsCliTest {

  private final InProcessCli cli = new InProcessCli();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int execute(String... args) {
    long started = System.nanoTime();
    int exit = cli.execute(args);
    assertThat((System.nanoTime() - started) / 1_000_000).as("no hang: answered in ms").isLessThan(10_000);
    return exit;
  }

  private String oneErrorLine() {
    assertThat(err.toString().strip().lines()).as("stderr: %s", err).hasSize(1);
    return err.toString().strip();
  }

  @AfterEach
  void clearOverrides() {
    System.clearProperty("e2e.production");
  }

  @Test
  void anUnknownScenarioIdIsOneLineListingTheKnownIds() {
    assertThat(execute("run", "--scenario", "EXEC-999")).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith("artifact-e2e: unknown scenario id 'EXEC-999'; known ids: ")
        .contains("BASELINE", "EXEC-010", "ROUTER-001", "CONTROL-040", "FAULT-050").doesNotContain("smoke", "happy");
  }

  @Test
  void aProductionProfileRefusesDestructiveAndFaultRowsBeforeAnythingStarts() {
    System.setProperty("e2e.production", "true");
    assertThat(execute("run", "--scenario", "FAULT-050")).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith("artifact-e2e: refusing ").contains("@destructive/@fault scenario(s) on env/local.properties (production=true)")
        .contains("not @destructive and not @fault");
  }

  @Test
  void aProductionProfileRefusesAFaultRowThatIsNotDestructiveToo() {
    System.setProperty("e2e.production", "true");
    assertThat(execute("run", "--tags", "@TOOLKIT and not @destructive")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("refusing ");
  }

  @Test
  void aSweepWithoutATokenIsOneLine() {
    // env/staging.properties names FLY_API_TOKEN; the test JVM has none
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("FLY_API_TOKEN") == null, "FLY_API_TOKEN is set here");
    assertThat(execute("sweep", "--env", "staging")).isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("artifact-e2e: sweep needs a Fly API token: set FLY_API_TOKEN (secret.fly_api_token in env/staging.properties)");
  }

  @Test
  void aSweepOfTheEmbeddedStackSaysThereIsNothingToSweep() {
    assertThat(execute("sweep", "--env", "local")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("targets the embedded stack").contains("nothing to sweep");
  }

  @Test
  void aMalformedOlderThanIsOneLine() {
    assertThat(execute("sweep", "--env", "local", "--older-than", "two days")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--older-than must be a duration like 500ms, 30s, 2m or 1h (was 'two days')");
  }

  @Test
  void aMalformedManifestNamesTheJsonPathOfEachError(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, """
        {"scenario": "x", "tags": ["@EXEC-010"], "run_id": "ABC", "strategy": "ephemeral", "org_slug": "personal",
         "org_prefix": "org1-e2e-abc123", "apps": ["org1-e2e-abc123-nfs", "org9-fly-router", "org1-e2e-abc123-fly-exec", "org1-e2e-abc123-worker-pool"]}
        """);
    assertThat(execute("manifest", "validate", bad.toString())).isEqualTo(2);
    assertThat(err.toString().strip().lines()).anyMatch(l -> l.startsWith(bad + ": $.run_id: "))
        .anyMatch(l -> l.startsWith(bad + ": $.apps[1]: ")).allMatch(l -> l.startsWith(bad + ": $"));
  }

  @Test
  void aManifestThatIsNotJsonIsOneLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("cut.json");
    Files.writeString(bad, "{\"scenario\": \"x\", \"tags\": [");
    assertThat(execute("manifest", "validate", bad.toString())).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith(bad + ": $: not JSON (").contains("line 1");
  }

  @Test
  void aMalformedManifestGivenToRunIsOneLineAndRunsNothing(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"scenario\": \"x\"}");
    assertThat(execute("run", "--manifest", bad.toString())).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith("artifact-e2e: --manifest " + bad + ": $: ").contains("org_slug");
  }

  @Test
  void aValidManifestPasses(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(good, """
        {"scenario": "x", "tags": ["@EXEC-010"], "run_id": "abc123", "strategy": "ephemeral", "org_slug": "personal",
         "org_prefix": "org1-e2e-abc123s1", "apps": ["org1-e2e-abc123s1-nfs", "org1-e2e-abc123s1-fly-router",
         "org1-e2e-abc123s1-fly-exec", "org1-e2e-abc123s1-worker-pool"]}
        """);
    assertThat(execute("manifest", "validate", good.toString())).isZero();
    assertThat(out.toString()).contains("valid scenario manifest");
    assertThat(ManifestRun.orgPrefix("org1-e2e-abc123s1")).isEqualTo("org1");
    assertThat(ManifestRun.orgPrefix("org1")).isEqualTo("org1");
  }
}
