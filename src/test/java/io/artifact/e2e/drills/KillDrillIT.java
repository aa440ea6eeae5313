package io.artifact.e2e.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifact.e2e.sweep.RunLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kill drill: a run is {@code kill -9}ed mid-scenario against a separately started {@code stack up},
 * so no teardown runs and its slices are left in the org; {@code sweep} then removes every one of
 * them — zero orphans — while {@code stack up}'s own slice, whose lease is fresh, is kept. The org is
 * judged with plain HTTP ({@link OrgApi}), not with the suite's own adapter. A second sweep finds nothing.
 */
class KillDrillIT {

  private static final Path WORK = Path.of("target", "kill-drill").toAbsolutePath();
  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void aRunKilledMidScenarioLeavesNothingOnceSwept() throws Exception {
    long started = System.nanoTime();
    clean(WORK);
    Path leases = WORK.resolve("leases");
    StackJvm stack = StackJvm.start("stack-up", WORK.resolve("stack"), List.of("-De2e.lease.dir=" + leases),
        List.of("stack", "up", "--env", "local"), Map.of());
    StackJvm run = null;
    try {
      JsonNode line = stack.firstJsonLine(BOUND);
      OrgApi org = new OrgApi(line.path("endpoints").path("machines_api").asText(), line.path("tokens").path("fly_api_token").asText(),
          line.path("org_slug").asText());
      String stackRun = line.path("run_id").asText();
      Map<String, String> tokens = Map.of("FLY_API_TOKEN", line.path("tokens").path("fly_api_token").asText(),
          "CLERK_SECRET_KEY", line.path("tokens").path("clerk_secret_key").asText(),
          "CLERK_PUBLISHABLE_KEY", line.path("tokens").path("clerk_publishable_key").asText(),
          "MCP_ORG_TOKEN", line.path("tokens").path("mcp_org_token").asText());

      // an ephemeral run on the stack: every scenario its own org1-e2e-<runid>s<n> slice, several at once
      List<String> runArgs = new ArrayList<>(target(line, leases));
      runArgs.addAll(List.of("-De2e.strategy=ephemeral", "-De2e.slice.scope=scenario", "-De2e.base.domain={runid}.artifact.test",
          "-De2e.lease.heartbeat=200ms"));
      run = StackJvm.start("run", WORK.resolve("run"), runArgs,
          List.of("run", "--env", "staging-drill", "--features", Path.of("features").toAbsolutePath().toString(), "--scenario", "EXEC-010"), tokens);
      // mid-scenario: slices provisioned and exec already running workers for them
      StackJvm running = run;
      await("the run to be mid-scenario (a worker Machine in one of its slices)").atMost(BOUND).pollInterval(Duration.ofMillis(50))
          .failFast("the run ended before the drill could kill it", () -> !running.isAlive())
          .until(() -> orphans(org, stackRun).stream().anyMatch(o -> o.contains("-worker-pool/")));
      String runId = leaseOtherThan(leases, stackRun);
      run.kill();
      List<String> left = orphans(org, stackRun);
      System.out.printf("kill drill: run %s killed (kill -9) after %.1f s with %d resources left (%d apps)%n", runId, seconds(started), left.size(),
          left.stream().filter(o -> o.startsWith("app ")).count());
      assertThat(left).as("positive control: a killed run leaves its slices").isNotEmpty().allMatch(o -> o.contains("-e2e-" + runId));
      assertThat(leases.resolve(runId + ".json")).as("the dead run's lease, no longer beating").exists();

      List<String> sweepArgs = target(line, leases);
      // the run beat every 200 ms, so its lease says it is dead after 600 ms of silence
      await("the killed run's lease to go stale").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
          .until(() -> !RunLease.heartbeats(leases).get(runId).live(Instant.now(), Duration.ZERO));
      StackJvm sweep = StackJvm.start("sweep", WORK.resolve("sweep"), sweepArgs, List.of("sweep", "--env", "staging-drill"), tokens);
      assertThat(sweep.awaitExit(BOUND)).as("sweep exit (see %s)", sweep.log()).isZero();
      List<String> printed = Files.readAllLines(sweep.log());
      printed.forEach(l -> System.out.println("kill drill: " + l));

      List<String> after = orphans(org, stackRun);
      System.out.printf("kill drill: %d orphans after the sweep (%d before), %.1f s in all%n", after.size(), left.size(), seconds(started));
      assertThat(after).as("orphans after the sweep").isEmpty();
      assertThat(printed).anyMatch(l -> l.matches("sweep: removed \\d+ orphan\\(s\\) of 1 dead run\\(s\\); kept \\d+"));
      assertThat(printed).as("stack up's live slice is kept").anyMatch(l -> l.startsWith("sweep: kept app ") && l.contains("run " + stackRun + " is live"));
      assertThat(org.apps()).as("stack up's slice").anyMatch(a -> a.path("name").asText().equals(line.path("apps").path("router").asText()));
      assertThat(leases.resolve(runId + ".json")).as("the stale lease is cleared").doesNotExist();

      StackJvm again = StackJvm.start("sweep-again", WORK.resolve("sweep-again"), sweepArgs, List.of("sweep", "--env", "staging-drill"), tokens);
      assertThat(again.awaitExit(BOUND)).isZero();
      assertThat(Files.readAllLines(again.log())).as("idempotent").anyMatch(l -> l.startsWith("sweep: removed 0 orphan(s)"));
    } finally {
      if (run != null) run.stop();
      stack.stop();
    }
  }

  /** What the suite made in the org besides stack up's own slice: apps -e2e-<runid>…, and Machines labelled e2e_run elsewhere. */
  private static List<String> orphans(OrgApi org, String stackRun) {
    Pattern suite = Pattern.compile("org1-e2e-[a-z][a-z0-9]{5}(s[a-z0-9]+)?-.*");
    List<String> out = new ArrayList<>();
    for (JsonNode app : org.apps()) {
      String name = app.path("name").asText();
      if (name.contains("-e2e-" + stackRun + "-")) continue;
      JsonNode machines;
      try {
        machines = org.machines(name);
      } catch (AssertionError gone) {
        continue; // destroyed between the listing and now
      }
      if (suite.matcher(name).matches()) out.add("app " + name);
      for (JsonNode m : machines) {
        String state = m.path("state").asText();
        if (state.equals("destroyed") || state.equals("destroying")) continue;
        String label = m.path("config").path("metadata").path("e2e_run").asText("");
        if (suite.matcher(name).matches() || (!label.isEmpty() && !label.equals(stackRun))) out.add("Machine " + name + "/" + m.path("id").asText());
      }
    }
    return out;
  }

  /** The staging-drill profile pointed at this stack (the endpoints and slice stack up printed), leases in one place. */
  private static List<String> target(JsonNode line, Path leases) {
    List<String> out = new ArrayList<>();
    out.add("-De2e.org.prefix=org1");
    out.add("-De2e.org.slug=" + line.path("org_slug").asText());
    out.add("-De2e.lease.dir=" + leases);
    line.path("endpoints").fields().forEachRemaining(e -> {
      if (e.getKey().equals("nfs_root")) return;
      out.add("-De2e.endpoint." + e.getKey() + "=" + e.getValue().asText());
    });
    out.add("-De2e.endpoint.nfs_root=" + line.path("endpoints").path("nfs_root").asText());
    return out;
  }

  private static String leaseOtherThan(Path leases, String stackRun) throws Exception {
    try (Stream<Path> files = Files.list(leases)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.equals(stackRun + ".json"))
          .map(f -> f.substring(0, f.length() - ".json".length())).findFirst().orElseThrow(() -> new AssertionError("the run took no lease in " + leases));
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void clean(Path dir) throws Exception {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
