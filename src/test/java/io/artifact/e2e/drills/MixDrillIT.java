package io.artifact.e2e.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The mix drill: the Machines API, Clerk, NFS share, edge and private network from an embedded
 * stack ({@code stack up}), the router and exec as processes of their own ({@code stack app}, the
 * stand-ins for the real apps a developer runs) behind {@code external+http://} Machines, and the
 * suite run against the mix ({@code run --env mix-drill}): ROUTER-001 and EXEC-010 must pass.
 *
 * <p>Five child JVMs, all from the packaged jar. The scenarios share one slice, and two of their
 * checks are pool- or volume-wide ("nothing is running in the worker pool yet", "exec has started
 * nothing") while rows leave their worker Machines behind, so they run as ordered groups, one
 * {@code run} per group: the rows that need an untouched slice first, then each row that leaves a
 * worker behind in its own run (a new run id gives EXEC-010 a new computer).
 */
@DisabledIfSystemProperty(named = "cucumber.filter.tags", matches = ".+", disabledReason = "a tag-filtered run checks scenarios only; plain mvn verify proves them")
class MixDrillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AUTH_FAILURE = Pattern.compile("(?i)auth(entication)?[ _-]?fail");
  private static final Duration STACK_UP = Duration.ofMinutes(2);
  private static final Duration APP_START = Duration.ofMinutes(1);
  private static final Duration RUN = Duration.ofMinutes(4);
  private static final String SKIP_REASON = "needs capability faults:app-secrets";

  /** What one group's matrix row must show: rows passed per variant, unhappy rows skipped (with {@link #SKIP_REASON}). */
  record Rows(int happy, int unhappy, int skipped) {}

  /** One {@code run}: a tag expression, optionally a scenario-name regex (whole name), and the rows it must show. */
  record Group(String label, String tags, String name, String matrixId, Rows rows) {}

  static final List<Group> GROUPS = List.of(
      // signed-out callers start nothing; the secret rows are skipped before they touch anything
      new Group("router-signed-out", "@ROUTER-001 and not @runbook-more", "(Turned away|Secret removed|Secret restored): .*", "ROUTER-001", new Rows(2, 0, 3)),
      new Group("router-signed-in", "@ROUTER-001", "Landing: alice's signed-in browser opening the base domain", "ROUTER-001", new Rows(1, 0, 0)),
      new Group("exec-happy", "@EXEC-010 and @happy", "A (queued|stopped) instance (starts|goes away)", "EXEC-010", new Rows(2, 0, 0)),
      new Group("exec-killed-mid-boot", "@EXEC-010", "A Machine killed mid-boot is replaced", "EXEC-010", new Rows(0, 1, 0)),
      new Group("exec-vanished", "@EXEC-010", "An instance whose Machine vanished is removed", "EXEC-010", new Rows(0, 1, 0)));

  @Test
  void theSuitePassesWithTheRouterAndExecRunOutsideTheEmbeddedPlatform() throws Exception {
    Instant began = Instant.now();
    Path work = Files.createDirectories(Path.of("target", "mix-drill", began.toString().replace(':', '-')));
    List<ChildJvm> children = new ArrayList<>();
    try {
      int routerPort = freePort();
      int execPort = freePort();
      // stack up does not wait for Machines whose program runs outside: they start once we start them, within this bound
      ChildJvm up = start(children, ChildJvm.start("stack-up", work, Map.of(), List.of("-De2e.stack.external.boot-timeout=90s"),
          "stack", "up", "--image", "router=external+http://127.0.0.1:" + routerPort, "--image", "exec=external+http://127.0.0.1:" + execPort));
      JsonNode stack = JSON.readTree(up.awaitOut("its JSON line", l -> l.startsWith("{"), STACK_UP));

      ChildJvm router = startApp(children, work, "router", stack, "registry.fly.io/fly-router:doc");
      ChildJvm exec = startApp(children, work, "exec", stack, "registry.fly.io/fly-exec:doc");
      up.awaitErr("the router Machine started", l -> l.contains("the router Machine") && l.contains("started:"), APP_START);
      up.awaitErr("the exec Machine started", l -> l.contains("the exec Machine") && l.contains("started:"), APP_START);

      Map<String, Rows> total = new LinkedHashMap<>();
      for (int i = 0; i < GROUPS.size(); i++) {
        Group g = GROUPS.get(i);
        int routerLines = router.out().size();
        JsonNode matrix = run(children, work.resolve((i + 1) + "-" + g.label()), g, stack);
        assertRows(g, matrix);
        total.merge(g.matrixId(), g.rows(), (a, b) -> new Rows(a.happy() + b.happy(), a.unhappy() + b.unhappy(), a.skipped() + b.skipped()));
        if (g.label().equals("router-signed-in")) theStandaloneRouterDidTheWork(router.out().subList(routerLines, router.out().size()), stack);
      }
      assertThat(exec.out()).as("the standalone exec's own log").anyMatch(l -> l.contains(": running on machine "));
      assertThat(total).isEqualTo(Map.of("ROUTER-001", new Rows(3, 0, 3), "EXEC-010", new Rows(2, 2, 0)));
      System.out.printf("mix drill: ROUTER-001 happy 3/3, unhappy 3 skipped (%s); EXEC-010 happy 2/2, unhappy 2/2; %d s; logs in %s%n",
          SKIP_REASON, Duration.between(began, Instant.now()).toSeconds(), work);
    } finally {
      Collections.reverse(children);
      for (ChildJvm c : children) c.close();
    }
  }

  /** {@code stack app} with exactly the env stack up printed for it (PORT included), as a clean shell would run it. */
  private static ChildJvm startApp(List<ChildJvm> children, Path work, String role, JsonNode stack, String image) {
    Map<String, String> env = new LinkedHashMap<>();
    stack.path("app_env").path(role).fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
    ChildJvm app = start(children, ChildJvm.start(role, work, env, List.of(), "stack", "app", "--image", image));
    app.awaitOut("serving", l -> l.startsWith("serving "), APP_START);
    return app;
  }

  /** {@code run --env mix-drill} with stack up's endpoints, slice and images as overrides and its tokens as env; its matrix. */
  private static JsonNode run(List<ChildJvm> children, Path dir, Group g, JsonNode stack) throws Exception {
    List<String> jvm = new ArrayList<>(List.of("-Dcucumber.execution.parallel.enabled=false",
        "-De2e.org.prefix=" + stack.path("org_prefix").asText(), "-De2e.base.domain=" + stack.path("base_domain").asText(),
        "-De2e.image.router=" + stack.path("images").path("router").asText(), "-De2e.image.exec=" + stack.path("images").path("exec").asText(),
        "-De2e.endpoint.nfs_root=" + stack.path("nfs_root").asText()));
    for (String e : List.of("machines_api", "logs_api", "private_network_proxy", "edge", "clerk_api", "clerk_sign_in", "emulator_admin")) {
      jvm.add("-De2e.endpoint." + e + "=" + stack.path("endpoints").path(e).asText());
    }
    if (g.name() != null) jvm.add("-Dcucumber.filter.name=" + g.name());
    JsonNode tokens = stack.path("tokens");
    Map<String, String> env = Map.of("FLY_API_TOKEN", tokens.path("fly_api_token").asText(),
        "CLERK_SECRET_KEY", tokens.path("clerk_secret_key").asText(), "CLERK_PUBLISHABLE_KEY", tokens.path("clerk_publishable_key").asText());
    ChildJvm run = start(children, ChildJvm.start("run", dir, env, jvm, "run", "--env", "mix-drill", "--tags", g.tags()));
    int code = run.exitCode(RUN);
    children.remove(run);
    assertThat(code).as(g.label() + ": run exit code; last output:\n" + run.tail()).isZero();
    return JSON.readTree(Files.readString(dir.resolve("target-reports").resolve("matrix.json")));
  }

  private static void assertRows(Group g, JsonNode matrix) {
    JsonNode row = matrix.path(g.matrixId());
    String as = g.label() + " " + row;
    assertThat(row.path("happy").path("passed").asInt()).as(as).isEqualTo(g.rows().happy());
    assertThat(row.path("unhappy").path("passed").asInt()).as(as).isEqualTo(g.rows().unhappy());
    assertThat(row.path("unhappy").path("skipped").asInt()).as(as).isEqualTo(g.rows().skipped());
    assertThat(row.path("happy").path("failed").asInt() + row.path("unhappy").path("failed").asInt() + row.path("happy").path("skipped").asInt())
        .as(as).isZero();
    row.path("skipped").forEach(s -> assertThat(s.asText()).as(as).contains(SKIP_REASON));
  }

  /** The signed-in row's requests reached the process outside, which answered them and logged no auth failure. */
  private static void theStandaloneRouterDidTheWork(List<String> lines, JsonNode stack) {
    String base = stack.path("base_domain").asText();
    assertThat(lines).as("the standalone router's own log during the signed-in row")
        .anyMatch(l -> l.startsWith("GET " + base + "/ 307"))
        .anyMatch(l -> l.matches("GET [a-z]+-[a-z]+--user_[a-z0-9]+\\." + Pattern.quote(base) + "/ 202"))
        .noneMatch(l -> AUTH_FAILURE.matcher(l).find());
  }

  private static ChildJvm start(List<ChildJvm> children, ChildJvm child) {
    children.add(child);
    return child;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
