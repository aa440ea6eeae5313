package io.artifact.flyemu.router;

import io.artifact.flyemu.fly.ImageRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.fly.Poller;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.NfsRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterTest {

  static final String BASE = "agentic.example";

  @TempDir Path root;
  ComputerStore store;
  final RealScheduler scheduler = new RealScheduler(1);
  final List<String> log = new ArrayList<>();
  final List<String> kicks = new ArrayList<>();
  final List<String> notified = new ArrayList<>();
  final Map<String, String> env = new HashMap<>(Map.of("CLERK_SECRET_KEY", FakeClerk.SECRET, "CLERK_PUBLISHABLE_KEY", "pk_test_x"));
  /** What "exec" does when kicked: by default it boots the instance on machine m-1. */
  boolean execBoots = true;

  final ExecPort exec = new ExecPort() {
    @Override
    public void kick(String computer, Duration timeout) {
      kicks.add(computer);
      if (!execBoots) return;
      for (String agent : store.instances().agents(computer)) {
        store.instances().read(computer, agent).ifPresent(i -> store.instances().write(computer, agent,
            i.machineId() == null ? i.with(Instance.Hardware.RUNNING, "m-" + kicks.size()) : i));
      }
    }

    @Override
    public void notify(String computer) {
      notified.add(computer);
    }
  };

  @BeforeEach
  void share() {
    store = new ComputerStore(NfsRoot.at(root));
    store.images().publish("host-coder", ImageRecord.hostCoder());
  }

  @AfterEach
  void stop() {
    scheduler.close();
  }

  Router router(String tag) {
    RouterSettings s = new RouterSettings(BASE, "nfs.flycast", "exec.flycast", "org1-worker-pool",
        Optional.of("https://accounts.example/sign-in"), Duration.ofMillis(300), "host-coder");
    RouterVariant variant = RouterVariants.VARIANTS.of(ImageRef.parse("registry.fly.io/fly-router:" + tag));
    Gate gate = variant.gate(new ClerkGate(Optional.of(new FakeClerk()), env, s.signInUrl(), log::add), env, log::add);
    AgentLanding landing = new AgentLanding(store, exec, new Poller(scheduler, Runnable::run), s);
    return new Router(gate, store, exec, landing, s, variant.replayTarget(java.util.function.UnaryOperator.identity(), store), log::add);
  }

  HttpResponse get(String tag, String host, String path, Map<String, List<String>> headers) {
    int q = path.indexOf('?');
    // as RouterApp serves it: the flow's answer through the variant's answer decorators
    return RouterVariants.VARIANTS.of(ImageRef.parse("registry.fly.io/fly-router:" + tag)).answers(java.util.function.UnaryOperator.identity())
        .apply(router(tag).handle(new HttpRequest("GET", "http", host, 80, q < 0 ? path : path.substring(0, q),
        q < 0 ? "" : path.substring(q + 1), headers, new byte[0])));
  }

  HttpResponse signedIn(String host, String path) {
    return get("latest", host, path, Map.of("authorization", List.of("Bearer good:User_A")));
  }

  @Test
  void aSignedOutBrowserIsSentToSignInWithItsUrl() {
    HttpResponse r = get("latest", BASE, "/x?y=1", Map.of("accept", List.of("text/html,application/xhtml+xml")));
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("location")).contains("https://accounts.example/sign-in?redirect_url=http%3A%2F%2Fagentic.example%2Fx%3Fy%3D1");
    assertThat(store.computers()).isEmpty();
  }

  @Test
  void aSignedOutApiCallerGets401Json() {
    HttpResponse r = get("latest", BASE, "/", Map.of("accept", List.of("application/json")));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).isEqualTo("{\"error\":\"unauthenticated\"}");
    assertThat(r.header("x-clerk-auth-reason")).contains("session-token-and-uat-missing");
  }

  @Test
  void withoutTheClerkSecretEveryRequestIs401LoggedWithoutSecretsAndExecHearsNothing() {
    env.remove("CLERK_SECRET_KEY");
    assertThat(get("latest", BASE, "/", Map.of("accept", List.of("text/html"))).status()).isEqualTo(401);
    assertThat(signedIn("brave-otter--user_a." + BASE, "/").status()).isEqualTo(401);
    assertThat(log).hasSize(2).allMatch(l -> l.startsWith("auth failure: Missing Clerk Secret key"))
        .noneMatch(l -> l.contains("good:") || l.contains("pk_test_x"));
    assertThat(kicks).isEmpty();
    assertThat(notified).isEmpty();
  }

  @Test
  void aWrongSecretRejectsValidTokensAndLogsTheFailure() {
    env.put("CLERK_SECRET_KEY", "sk_test_wrong");
    HttpResponse r = signedIn(BASE, "/");
    assertThat(r.status()).isEqualTo(401);
    assertThat(log).singleElement().asString().contains("auth failure").contains("secret-key-invalid").doesNotContain("sk_test_wrong");
  }

  @Test
  void theBaseDomainCreatesTheUsersComputerAndRedirectsToIt() {
    HttpResponse r = signedIn(BASE, "/some/path?q=1");
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("location")).contains("http://user_a." + BASE + "/some/path?q=1");
    assertThat(store.computerExists("user_a")).isTrue();
  }

  @Test
  void theComputerHostReusesTheLandingAgentNotifiesExecAndRedirects() {
    store.upsertComputer("user_a");
    HttpResponse first = signedIn("user_a." + BASE, "/");
    HttpResponse second = signedIn("user_a." + BASE, "/");
    String agent = store.landingAgent("user_a").orElseThrow();
    assertThat(first.header("location")).contains("http://" + agent + "--user_a." + BASE + "/");
    assertThat(second.header("location")).isEqualTo(first.header("location"));
    assertThat(store.agents("user_a")).containsExactly(agent);
    assertThat(notified).containsExactly("user_a", "user_a");
  }

  @Test
  void unknownComputersAndAgentsAreNotFound() {
    assertThat(signedIn("user_a." + BASE, "/").status()).isEqualTo(404);
    store.upsertComputer("user_a");
    HttpResponse r = signedIn("nobody--user_a." + BASE, "/");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyText()).isEqualTo("Agent not found");
  }

  @Test
  void anotherUsersComputerIsForbidden() {
    store.upsertComputer("user_b");
    assertThat(signedIn("user_b." + BASE, "/").status()).isEqualTo(403);
  }

  @Test
  void aMalformedHostIsNotFoundWithTheRuleThatFailed() {
    HttpResponse r = signedIn("a.b." + BASE, "/");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyText()).isEqualTo("subdomain contains a dot");
  }

  @Test
  void theAgentHostQueuesTheInstanceKicksExecAndReplaysToItsMachine() {
    store.upsertComputer("user_a");
    String agent = store.upsertLandingAgent("user_a");
    HttpResponse r = signedIn(agent + "--user_a." + BASE, "/");
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.header("content-type")).contains("application/vnd.fly.replay+json");
    assertThat(r.bodyText()).isEqualTo("{\"app\":\"org1-worker-pool\",\"instance\":\"m-1\"}");
    assertThat(store.instances().read("user_a", agent).orElseThrow().record()).isEqualTo(ImageRecord.hostCoder());
    assertThat(kicks).containsExactly("user_a");
  }

  @Test
  void anInstanceThatNeverRunsTimesOutBoundedly() {
    execBoots = false;
    store.upsertComputer("user_a");
    String agent = store.upsertLandingAgent("user_a");
    HttpResponse r = signedIn(agent + "--user_a." + BASE, "/");
    assertThat(r.status()).isEqualTo(504);
    assertThat(store.instances().read("user_a", agent).orElseThrow().hardware()).isEqualTo(Instance.Hardware.QUEUED);
  }

  @Test
  void anNfsOutageIsAnswered503AndLogged() {
    Path shared = root;
    store = new ComputerStore(() -> {
      throw new io.artifact.flyemu.nfs.NfsUnavailableException("NFS mount failed: nfs.flycast:/data/computers is not reachable");
    });
    HttpResponse r = signedIn(BASE, "/");
    assertThat(r.status()).isEqualTo(503);
    assertThat(log).anyMatch(l -> l.startsWith("NFS mount failed"));
    store = new ComputerStore(NfsRoot.at(shared));
  }

  @Test
  void theSkipAuthDefectLetsASignedOutBrowserIn() {
    HttpResponse r = get("defect-skip-auth", BASE, "/", Map.of("accept", List.of("text/html")));
    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("location")).contains("http://test-computer." + BASE + "/");
  }

  @Test
  void theWrongInstanceDefectReplaysElsewhere() {
    store.upsertComputer("user_a");
    String agent = store.upsertLandingAgent("user_a");
    HttpResponse r = get("defect-wrong-instance", agent + "--user_a." + BASE, "/", Map.of("authorization", List.of("Bearer good:user_a")));
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.bodyText()).doesNotContain("\"m-1\"");
  }

  // impl: today's real router (stack-contract.md §2.3-2.8, IMPL column of §8), composed of the same strategies

  @Test
  void implServesSignedOutCallersAsTestComputerWithout401OrSignInRedirect() {
    HttpResponse api = get("impl", BASE, "/", Map.of("accept", List.of("application/json")));
    assertThat(api.status()).isEqualTo(307);
    assertThat(api.header("location")).contains("http://test-computer." + BASE + "/");
    HttpResponse browser = get("impl", BASE, "/", Map.of("accept", List.of("text/html")));
    assertThat(browser.header("location").orElseThrow()).doesNotContain("sign-in");
  }

  @Test
  void implAnswersAMissingClerkSecretWith500() {
    env.remove("CLERK_SECRET_KEY");
    HttpResponse r = get("impl", BASE, "/", Map.of("authorization", List.of("Bearer good:User_A")));
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).contains("Missing Clerk Secret key");
    assertThat(log).anyMatch(l -> l.contains("Missing Clerk Secret key"));
  }

  @Test
  void implAnswersAnUnknownComputerWith500AndAnNfsOutageWithoutBackoff() {
    HttpResponse unknown = get("impl", "user_a." + BASE, "/", Map.of("authorization", List.of("Bearer good:User_A")));
    assertThat(unknown.status()).isEqualTo(500);
    assertThat(unknown.bodyText()).contains("NotFound");
    store = new ComputerStore(() -> {
      throw new io.artifact.flyemu.nfs.NfsUnavailableException("NFS mount failed: nfs.flycast:/data/computers is not reachable");
    });
    HttpResponse outage = get("impl", BASE, "/", Map.of("authorization", List.of("Bearer good:User_A")));
    assertThat(outage.status()).isEqualTo(500);
    assertThat(outage.header("retry-after")).isEmpty();
  }
}
