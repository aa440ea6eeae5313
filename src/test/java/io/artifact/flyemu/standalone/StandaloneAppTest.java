package io.artifact.flyemu.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackOrg;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.clerk.LocalClerk;
import io.artifact.flyemu.edge.Edge;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.NfsRoot;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The router and exec images run as processes of their own (here: in this JVM, on loopback ports,
 * knowing only their env) behind the embedded platform through {@code external+http://} Machines:
 * the developer's mix. A signed-in user still lands on a worker Machine the standalone exec
 * created through the Machines API, and the standalone apps' own logs show they did the work.
 */
class StandaloneAppTest {

  static EmbeddedStack stack;
  static LocalClerk clerk;
  static StackOrg org;
  static StandaloneApp router;
  static StandaloneApp exec;
  static final List<String> routerLog = Collections.synchronizedList(new ArrayList<>());
  static final List<String> execLog = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws Exception {
    clerk = new LocalClerk();
    stack = EmbeddedStack.start(StackSettings.defaults("test-token"), List.of(clerk, new Edge()));
    org = new StackOrg(stack, "org7").provisionNfs();
    org.fly().createApp(org.pool, org.prefix);
    String proxy = "http://127.0.0.1:" + stack.privateNetworkPort();
    Map<String, String> common = Map.of("DC_DOMAIN", org.domain, "DC_NFS", org.nfs + ".flycast", "DC_EXEC", org.exec + ".flycast",
        "DC_WORKER_POOL_APP", org.pool, "HTTP_PROXY", proxy, StandaloneRuntime.NFS_ROOT, org.root().toString());
    exec = StandaloneApp.start("registry.fly.io/fly-exec:doc", 0, with(common, Map.of("DC_FLY_API_TOKEN", stack.flyToken(),
        "FLY_API_BASE_URL", stack.machinesApiUrl(), "DC_EXEC_PING_INTERVAL_MS", "20", "DC_EXEC_PING_TIMEOUT_MS", "5000")), execLog::add);
    router = StandaloneApp.start("registry.fly.io/fly-router:doc", 0, with(common, Map.of("CLERK_SECRET_KEY", clerk.secretKey(),
        "CLERK_PUBLISHABLE_KEY", clerk.publishableKey(), "CLERK_API_URL", clerk.apiUrl(), "DC_INSTANCE_WAIT_MS", "5000")), routerLog::add);
    StackOrg.started(org.externalMachine(org.exec, exec.url()));
    StackOrg.started(org.externalMachine(org.router, router.url()));
    org.fly().addCertificate(org.router, org.domain);
    org.fly().addCertificate(org.router, "*." + org.domain);
  }

  @AfterAll
  static void stop() {
    if (router != null) router.close();
    if (exec != null) exec.close();
    stack.close();
  }

  @Test
  void aSignedInUserLandsOnAWorkerTheStandaloneExecCreatedBehindTheStandaloneRouter() throws Exception {
    String[] auth = {"Authorization", "Bearer " + clerk.mintSessionToken("user_Mix", Duration.ofMinutes(5)), "Accept", "text/html"};
    Response base = get("http://" + org.domain + "/", auth);
    assertThat(base.status()).isEqualTo(307);
    assertThat(base.location()).isEqualTo("http://user_mix." + org.domain + "/");
    Response computer = get(base.location(), auth);
    assertThat(computer.status()).isEqualTo(307);
    Response page = get(computer.location(), auth);
    assertThat(page.status()).isEqualTo(200);

    String agent = computer.location().substring(7, computer.location().indexOf("--"));
    Instance instance = new ComputerStore(NfsRoot.at(org.root())).instances().read("user_mix", agent).orElseThrow();
    assertThat(page.body()).contains("<dd id=\"machine\">" + instance.machineId() + "</dd>");
    Machine worker = org.fly().findApp(org.pool).orElseThrow().machines().iterator().next();
    assertThat(worker.id()).isEqualTo(instance.machineId());
    assertThat(worker.metadata()).containsEntry("dc_computer_id", "user_mix");
    // the work was done outside the platform: the standalone processes logged it
    assertThat(routerLog).anyMatch(l -> l.startsWith("GET user_mix." + org.domain + "/ 307"));
    assertThat(execLog).anyMatch(l -> l.equals("user_mix/" + agent + ": running on machine " + instance.machineId()));
  }

  @Test
  void aSignedOutApiCallerIsRefusedByTheStandaloneRouter() throws Exception {
    Response r = get("http://" + org.domain + "/", "Accept", "application/json");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("{\"error\":\"unauthenticated\"}");
  }

  @Test
  void withoutTheLocalShareTheAppSaysWhyItCannotMount() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (StandaloneApp app = StandaloneApp.start("registry.fly.io/fly-router:latest", 0, Map.of("DC_NFS", "org7-nfs.flycast"), log::add)) {
      HttpURLConnection c = (HttpURLConnection) new URL(app.url() + "/_readyz").openConnection();
      assertThat(c.getResponseCode()).isEqualTo(503);
      assertThat(new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("set DC_NFS_ROOT");
      assertThat(log).anyMatch(l -> l.contains("Missing DC_DOMAIN in environment"));
    }
  }

  @Test
  void onlyTheRouterAndExecImagesRunStandalone() {
    assertThatThrownBy(() -> StandaloneApp.start("registry.fly.io/fly-nfs:latest", 0, Map.of(), l -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAME_UNKNOWN").hasMessageContaining("stack app runs fly-exec and fly-router");
    assertThatThrownBy(() -> StandaloneApp.start("registry.fly.io/fly-router:defect-nope", 0, Map.of(), l -> {}))
        .hasMessageContaining("MANIFEST_UNKNOWN");
  }

  @Test
  void theExternalMachinesAreStartedBecauseTheProcessesAcceptConnections() {
    await().atMost(Duration.ofSeconds(5)).until(() -> org.fly().findApp(org.router).orElseThrow().machines().iterator().next().state() == MachineState.STARTED);
  }

  record Response(int status, String location, String body) {}

  static Response get(String url, String... headers) throws Exception {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", URI.create(stack.endpoints().get("edge")).getPort()));
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection(proxy);
    c.setInstanceFollowRedirects(false);
    c.setReadTimeout(15_000);
    for (int i = 0; i < headers.length; i += 2) c.setRequestProperty(headers[i], headers[i + 1]);
    int status = c.getResponseCode();
    var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    return new Response(status, c.getHeaderField("location"), in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> m = new java.util.LinkedHashMap<>(a);
    m.putAll(b);
    return m;
  }
}
