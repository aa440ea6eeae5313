package io.artifact.e2e.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.nfs.LocalNfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The staging drill, locally: {@code stack up} in one process stands for a long-lived staging org
 * (its slice provisioned with the staging strategy, so apps are named like ops' own: org1-nfs, …),
 * an ops script adds what such an org also holds (other people's worker Machines, one stopped, and
 * an instance file), and a second process runs the whole matrix against it with the
 * {@code staging-drill} profile (target external). Afterwards the org must be exactly as before:
 * same apps, Machines (ids, states, configs), secrets (by digest), volumes, certificates and
 * instance files. Skipped rows are allowed (they say why); failed ones are not.
 */
@DisabledIfSystemProperty(named = "cucumber.filter.tags", matches = ".+", disabledReason = "a tag-filtered run checks scenarios only; plain mvn verify proves them")
class StagingDrillIT {

  private static final Duration STACK_UP_BOUND = Duration.ofSeconds(60);
  private static final Duration RUN_BOUND = Duration.ofMinutes(4);
  private static final Path WORK = Path.of("target", "staging-drill").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theWholeMatrixOnASharedOrgLeavesItExactlyAsItWasPassOrFail() throws Exception {
    long started = System.nanoTime();
    clean(WORK);
    // the staging strategy names the slice after the org prefix alone, as a long-lived org's apps are
    StackJvm stack = StackJvm.start("stack-up", WORK.resolve("stack"), List.of("-De2e.strategy=staging"),
        List.of("stack", "up", "--env", "local"), Map.of());
    try {
      JsonNode line = stack.firstJsonLine(STACK_UP_BOUND);
      OrgApi org = new OrgApi(line.path("endpoints").path("machines_api").asText(), line.path("tokens").path("fly_api_token").asText(),
          line.path("org_slug").asText());
      Path share = Path.of(line.path("nfs_root").asText());
      opsPreCreate(org, line.path("apps").path("worker_pool").asText(), share);
      OrgSnapshot before = OrgSnapshot.take(org, share);
      // positive control: a snapshot that cannot see the org would find no differences either
      line.path("apps").forEach(app -> assertThat(before.facts()).containsEntry("app " + app.asText(), "exists"));
      assertThat(before.facts()).containsKey("share instance ops-dana/calm-heron")
          .hasEntrySatisfying("app " + line.path("apps").path("router").asText() + " secret CLERK_SECRET_KEY", d -> assertThat(d).isNotBlank());
      assertThat(before.facts().keySet()).filteredOn(k -> k.matches("app .* machine [0-9a-f]+")).hasSize(5);
      System.out.printf("staging drill: org %s ready after %.1f s (%d facts)%n", line.path("org_prefix").asText(),
          seconds(started), before.facts().size());

      Run pass = run("run", overrides(line), List.of("--env", "staging-drill"), tokens(line));
      List<String> differences = before.differences(OrgSnapshot.take(org, share));
      report("staging drill", differences, pass);
      List<String> skipped = skipped();
      skipped.forEach(s -> System.out.println("staging drill skipped: " + s));

      // pass or fail: the unhappy rows that change the org (secret removed, workers started), made to fail after
      // their changes by expectations no stack meets
      List<String> failing = new ArrayList<>(overrides(line));
      failing.addAll(List.of("-De2e.contract.router.auth-failure-log=(?!)", "-De2e.contract.exec.instance-running=never-running",
          "-De2e.timeouts.await=500ms"));
      Run fail = run("failing-run", failing, List.of("--env", "staging-drill", "--tags", "(@ROUTER-001 or @EXEC-010) and @unhappy"),
          tokens(line));
      List<String> afterFailures = before.differences(OrgSnapshot.take(org, share));
      report("staging drill (rows made to fail)", afterFailures, fail);
      System.out.printf("staging drill: %.1f s in all%n", seconds(started));

      assertThat(pass.exit()).as("the matrix run's exit code (see %s): %s", pass.log(), pass.summary()).isZero();
      assertThat(differences).as("what the run left changed in the org").isEmpty();
      // only what a staging org cannot offer is skipped, each with its reason; a row skipping for anything else is a bug
      assertThat(skipped).as("rows skipped on the staging drill")
          .allSatisfy(s -> assertThat(s).containsPattern(" — needs (a slice this run creates|capability faults:boot-kill|capability faults:network)"))
          .anySatisfy(s -> assertThat(s).contains("needs capability faults:boot-kill"))
          .anySatisfy(s -> assertThat(s).contains("needs a slice this run creates"));
      // at least the secret-removed pair and the vanished-Machine row fail after changing the org; other unhappy rows may too
      assertThat(fail.summary()).as("the rows made to fail (see %s)", fail.log())
          .anyMatch(l -> l.matches("\\d+ scenarios: \\d+ passed, ([3-9]|\\d{2,}) failed, .*"));
      assertThat(afterFailures).as("what the failed rows left changed in the org").isEmpty();
    } finally {
      stack.stop();
    }
  }

  /** A finished run of the matrix: its exit code, summary lines and log. */
  private record Run(int exit, List<String> summary, Path log) {}

  /** {@code run} in its own JVM and directory (its reports stay apart from the build's), bounded; always stopped. */
  private static Run run(String name, List<String> jvmArgs, List<String> args, Map<String, String> env) throws Exception {
    List<String> all = new ArrayList<>(List.of("run", "--features", Path.of("features").toAbsolutePath().toString()));
    all.addAll(args);
    StackJvm run = StackJvm.start(name, WORK.resolve(name), jvmArgs, all, env);
    try {
      int exit = run.awaitExit(RUN_BOUND);
      List<String> summary = Files.readAllLines(run.log()).stream()
          .filter(l -> l.matches("\\d+ scenarios: .*") || l.startsWith("  FAILED ")).toList();
      return new Run(exit, summary, run.log());
    } finally {
      run.stop();
    }
  }

  private static void report(String what, List<String> differences, Run run) {
    System.out.println(what + ": " + differences.size() + " differences");
    differences.forEach(d -> System.out.println("  " + d));
    run.summary().forEach(s -> System.out.println(what + ", run: " + s.substring(0, Math.min(s.length(), 300))));
  }

  /**
   * What an ops team's staging org holds besides the Artifact apps: workers of real users, one
   * started (with its instance file on the share) and one stopped. The run must not touch them.
   */
  private static void opsPreCreate(OrgApi org, String pool, Path share) {
    JsonNode dana = org.createMachine(pool, worker("ops-dana"));
    JsonNode erin = org.createMachine(pool, worker("ops-erin"));
    org.awaitState(pool, dana.path("id").asText(), "started");
    org.awaitState(pool, erin.path("id").asText(), "started");
    org.stopMachine(pool, erin.path("id").asText());
    org.awaitState(pool, erin.path("id").asText(), "stopped");
    LocalNfs nfs = new LocalNfs(() -> share);
    nfs.createComputer("ops-dana");
    nfs.createAgent("ops-dana", "calm-heron");
    Map<String, Object> record = new LinkedHashMap<>(Map.of("image", "registry.fly.io/host-coder:latest", "cpu_kind", "shared", "cpus", 1,
        "memory_mb", 256));
    nfs.writeInstance("ops-dana", "calm-heron", new InstanceFile("running", "running", record, dana.path("id").asText()));
  }

  /** A worker Machine as exec creates them (stack-contract.md §3.5), labelled with its computer. */
  private static JsonNode worker(String computer) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode config = body.putObject("config");
    config.put("image", "registry.fly.io/host-coder:latest");
    config.putObject("guest").put("cpu_kind", "shared").put("cpus", 1).put("memory_mb", 256);
    config.putObject("restart").put("policy", "no");
    config.putObject("metadata").put("fly_platform_version", "standalone").put("dc_computer_id", computer);
    config.putObject("env").put("PORT", "8080");
    body.put("region", "syd");
    return body;
  }

  /** The staging-drill profile's keys only the running stack knows (env/staging-drill.properties lists them). */
  private static List<String> overrides(JsonNode line) {
    List<String> out = new ArrayList<>();
    out.add("-De2e.org.prefix=" + line.path("org_prefix").asText());
    out.add("-De2e.org.slug=" + line.path("org_slug").asText());
    out.add("-De2e.base.domain=" + line.path("base_domain").asText());
    line.path("endpoints").fields().forEachRemaining(e -> {
      // a staging org has no emulator admin; the share comes resolved to the slice's volume below
      // nor a fault proxy in front of exec (faults:network)
      if (e.getKey().equals("emulator_admin") || e.getKey().equals("network_faults") || e.getKey().equals("nfs_root")) return;
      out.add("-De2e.endpoint." + e.getKey() + "=" + e.getValue().asText());
    });
    out.add("-De2e.endpoint.nfs_root=" + line.path("nfs_root").asText());
    return out;
  }

  private static Map<String, String> tokens(JsonNode line) {
    JsonNode t = line.path("tokens");
    return Map.of("FLY_API_TOKEN", t.path("fly_api_token").asText(), "CLERK_SECRET_KEY", t.path("clerk_secret_key").asText(),
        "CLERK_PUBLISHABLE_KEY", t.path("clerk_publishable_key").asText(), "MCP_ORG_TOKEN", t.path("mcp_org_token").asText());
  }

  /** Skipped rows and why, from the run's matrix report. */
  private static List<String> skipped() throws IOException {
    Path matrix = WORK.resolve("run").resolve("target-reports").resolve("matrix.json");
    if (!Files.isRegularFile(matrix)) return List.of("(no matrix report at " + matrix + ")");
    List<String> out = new ArrayList<>();
    JSON.readTree(matrix.toFile()).fields().forEachRemaining(row -> row.getValue().path("skipped").forEach(s -> out.add(row.getKey() + ": " + s.asText())));
    return out;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
