package io.artifact.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.clerk.ClerkBackendApi;
import io.artifact.e2e.clerk.SessionToken;
import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.exec.PrivateNetworkExec;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.provision.SliceCredentials;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.CleanupLedger;
import io.artifact.e2e.world.TargetPorts;
import io.artifact.e2e.target.EmbeddedTargets;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.clerk.ClerkPort;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.world.OrgSlice;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures on the embedded stack with the local profile: the router's first request to
 * replay for a fresh agent (minus the worker's configured boot delay), and exec reconciling many
 * computers with one queued instance each. Run by {@code bench/router-exec.sh}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterExecBench {

  static Target stack;
  static Profile profile;
  static OrgSlice slice;
  static NfsPort nfs;
  static CleanupLedger cleanup = new CleanupLedger();

  @BeforeAll
  static void start() {
    profile = ProfileLoader.fromProcess().load("local");
    stack = EmbeddedTargets.start(profile);
    slice = OrgSlice.of(profile, OrgSlice.newRunId());
    FlyPort fly = TargetPorts.fly(stack, profile.duration("timeouts.api-retry"), profile.duration("timeouts.boot"), line -> {});
    nfs = TargetPorts.nfs(stack, slice, () -> fly);
    SliceProvisioner.create(SliceBlueprint.of(profile, slice, SliceCredentials.of(stack)), fly, Optional.of(nfs),
        cleanup, profile.duration("timeouts.boot"));
  }

  @AfterAll
  static void stop() {
    cleanup.unwind();
    stack.close();
  }

  @Test
  @Order(1)
  void routerFirstRequestToReplay() throws Exception {
    int n = Integer.getInteger("bench.router.agents", 30);
    ClerkPort api = TargetPorts.clerk(stack, new Redactor(), line -> {});
    long boot = profile.duration("stack.boot-delay.host-coder").toMillis();
    List<Long> overhead = new ArrayList<>();
    for (int i = 0; i < n + 3; i++) {
      SessionToken token = api.sessionToken(api.user("bench-" + i + "-" + slice.runId()));
      String computerUrl = get("http://" + slice.domain() + "/", token).location();
      String agentUrl = get(computerUrl, token).location();
      long t0 = System.nanoTime();
      Answer page = get(agentUrl, token);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(page.status()).as("page of " + agentUrl).isEqualTo(200);
      if (i >= 3) overhead.add(ms - boot); // the first agents warm the JVM up (MCP client, schema validator)
    }
    Collections.sort(overhead);
    System.out.printf("BENCH router first request to replay, minus %d ms boot delay, %d fresh agents: p50 %d ms, p90 %d ms, max %d ms%n",
        boot, n, pct(overhead, 50), pct(overhead, 90), overhead.get(overhead.size() - 1));
  }

  @Test
  @Order(2)
  void execReconcilesManyComputers() throws Exception {
    int n = Integer.getInteger("bench.exec.computers", 1000);
    int parallel = Integer.getInteger("bench.exec.parallel", 64);
    var record = SliceBlueprint.of(profile, slice, SliceCredentials.of(stack)).agentImageRecord();
    for (int i = 0; i < n; i++) {
      nfs.createComputer("c" + i);
      nfs.createAgent("c" + i, "agent");
      nfs.writeInstance("c" + i, "agent", InstanceFile.queued(record));
    }
    ExecPort exec = TargetPorts.exec(stack, slice, Duration.ofMinutes(5), line -> {});
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    long t0 = System.nanoTime();
    List<Future<Long>> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String c = "c" + i;
      times.add(pool.submit(() -> {
        long s = System.nanoTime();
        exec.notifyChanged(c);
        return (System.nanoTime() - s) / 1_000_000;
      }));
    }
    List<Long> perInstance = new ArrayList<>();
    for (Future<Long> f : times) perInstance.add(f.get());
    long total = (System.nanoTime() - t0) / 1_000_000;
    pool.shutdown();
    long running = 0;
    for (int i = 0; i < n; i++) {
      if (nfs.readInstance("c" + i, "agent").map(f -> f.hardware().equals("running")).orElse(false)) running++;
    }
    Collections.sort(perInstance);
    System.out.printf("BENCH exec %d computers (%d notifications in flight): %d running, total %d ms, per instance p50 %d ms, p99 %d ms%n",
        n, parallel, running, total, pct(perInstance, 50), pct(perInstance, 99));
    assertThat(running).isEqualTo(n);
  }

  record Answer(int status, String location) {}

  static Answer get(String url, SessionToken token) throws Exception {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", URI.create(stack.endpoints().get("edge")).getPort()));
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection(proxy);
    c.setInstanceFollowRedirects(false);
    c.setReadTimeout(60_000);
    c.setRequestProperty("Accept", "text/html");
    c.setRequestProperty("Authorization", token.authorizationHeader());
    int status = c.getResponseCode();
    (status >= 400 ? c.getErrorStream() : c.getInputStream()).readAllBytes();
    return new Answer(status, c.getHeaderField("location"));
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
