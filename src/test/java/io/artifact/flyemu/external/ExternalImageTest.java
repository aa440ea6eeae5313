package io.artifact.flyemu.external;

import static io.artifact.flyemu.external.ExternalProcess.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.agent.AgentHost;
import io.artifact.flyemu.edge.Edge;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An app whose Machine runs the image {@code external+http://127.0.0.1:<port>}: a process outside
 * the emulator behind the embedded edge and private network, as behind Fly Proxy.
 */
class ExternalImageTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(2);
  static EmbeddedStack stack;
  static FlyPlatform fly;
  static HttpClient privateNetwork;

  /** A worker behind the replay: says who it is and what the edge told it. */
  static final class EchoWorker implements MachineProgram {
    volatile String id;

    @Override
    public void boot(MachineRuntime rt) {
      id = rt.machineId();
    }

    @Override
    public HttpResponse serve(HttpRequest r) {
      return HttpResponse.text(200, "worker " + id + " " + r.method() + " " + r.path() + "?" + r.rawQuery()
          + " src=" + r.header("fly-replay-src").orElse(""));
    }
  }

  @BeforeAll
  static void start() {
    StackSettings d = StackSettings.defaults("test-token");
    stack = EmbeddedStack.start(new StackSettings(d.bootDelays(), d.defaultBootDelay(), d.stopDelay(), d.resumeDelay(), d.reapAfter(),
        d.autostartTimeout(), d.flyToken(), Map.of("external.boot-timeout", BOOT_TIMEOUT.toMillis() + "ms")), List.of(new Edge()));
    fly = stack.platform();
    fly.images().register("echo-worker", ref -> new EchoWorker());
    privateNetwork = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", stack.privateNetworkPort())))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static Machine machine(String app, String image) {
    if (fly.findApp(app).isEmpty()) fly.createApp(app, "org1");
    return fly.createMachine(app, null, null, JSON.createObjectNode().put("image", image), false);
  }

  static Machine started(String app, String image) throws Exception {
    Machine m = machine(app, image);
    m.when(EnumSet.of(MachineState.STARTED)).get(5, TimeUnit.SECONDS);
    return m;
  }

  static List<String> log(String app) {
    return fly.logs(app, null, null, 500).stream().map(LogEntry::message).toList();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void edgeRoutesToTheExternalRouterAndPerformsTheReplayItAnswers() throws Exception {
    Machine worker = started("org5-pool", "registry.fly.io/echo-worker:latest");
    String replay = "{\"app\":\"org5-pool\",\"instance\":\"" + worker.id() + "\"}";
    try (ExternalProcess router = ExternalProcess.start(0, (x, seen) -> {
      if (seen.uri().startsWith("/header-form")) {
        x.getResponseHeaders().add("fly-replay", "app=org5-pool;instance=" + worker.id() + ";state=h1");
        reply(x, 409, "text/plain", "", false);
      } else {
        reply(x, 202, "application/vnd.fly.replay+json", replay, false);
      }
    })) {
      Machine routerMachine = started("org5-router", "external+" + router.url());
      fly.addCertificate("org5-router", "ext.test");
      fly.addCertificate("org5-router", "*.ext.test");

      // through the edge as a forward proxy, as EmbeddedStackFlowTest reaches it
      Proxy edge = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", URI.create(stack.endpoints().get("edge")).getPort()));
      HttpURLConnection c = (HttpURLConnection) new URL("http://brave-otter--user_a.ext.test/landing?x=1").openConnection(edge);
      assertThat(c.getResponseCode()).isEqualTo(200);
      assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("worker " + worker.id() + " GET /landing?x=1 src=instance=" + routerMachine.id() + ";region=syd;t=");

      HttpURLConnection h = (HttpURLConnection) new URL("http://ext.test/header-form").openConnection(edge);
      assertThat(h.getResponseCode()).as("the fly-replay header form").isEqualTo(200);
      assertThat(new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("worker " + worker.id() + " GET /header-form").endsWith(";state=h1");

      assertThat(router.seen).first().satisfies(s -> {
        assertThat(s.uri()).isEqualTo("/landing?x=1");
        assertThat(s.header("host")).as("the router routes by host").isEqualTo("brave-otter--user_a.ext.test");
        assertThat(s.header("fly-forwarded-port")).isEqualTo("443");
      });
      assertThat(log("org5-router")).contains("GET /landing 202");
    }
  }

  @Test
  void flycastAndInternalNamesReachTheExternalProcess() throws Exception {
    try (ExternalProcess ext = ExternalProcess.start(0, (x, seen) -> reply(x, 200, "text/plain", "hello from outside", false))) {
      started("org6-ext", "external+" + ext.url());
      for (String host : List.of("org6-ext.flycast", "org6-ext.internal")) {
        var r = privateNetwork.send(java.net.http.HttpRequest.newBuilder(URI.create("http://" + host + "/hello?q=1")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(host).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello from outside");
      }
      assertThat(ext.seen).extracting(s -> s.header("host") + s.uri())
          .containsExactly("org6-ext.flycast/hello?q=1", "org6-ext.internal/hello?q=1");
    }
  }

  @Test
  void headersBodyAndStatusPassThroughBothWays() throws Exception {
    try (ExternalProcess ext = ExternalProcess.start(0, (x, seen) -> {
      x.getResponseHeaders().add("x-answer", "42");
      x.getResponseHeaders().add("set-cookie", "a=1");
      x.getResponseHeaders().add("set-cookie", "b=2");
      reply(x, 201, "application/json", "{\"got\":\"" + seen.method() + " " + seen.body() + " " + seen.header("x-custom") + "\"}", true);
    })) {
      started("org8-ext", "external+" + ext.url());
      var r = privateNetwork.send(java.net.http.HttpRequest.newBuilder(URI.create("http://org8-ext.flycast/things?id=7"))
          .header("x-custom", "abc").header("content-type", "text/plain")
          .method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString("payload")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.headers().firstValue("x-answer")).hasValue("42");
      assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
      assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(r.body()).isEqualTo("{\"got\":\"PUT payload abc\"}");
      assertThat(ext.seen).singleElement().satisfies(s -> {
        assertThat(s.uri()).isEqualTo("/things?id=7");
        assertThat(s.header("content-type")).isEqualTo("text/plain");
        assertThat(s.header("content-length")).isEqualTo("7");
      });
      assertThat(log("org8-ext")).contains("PUT /things 201");
    }
  }

  @Test
  void theMachineIsStartedOnceTheExternalUrlAcceptsConnections() throws Exception {
    int port = freePort();
    Machine m = machine("org9-ext", "external+http://127.0.0.1:" + port);
    await().atMost(Duration.ofSeconds(1)).until(() -> m.state() == MachineState.STARTING);
    assertThat(m.runningProgram()).isNull();

    try (ExternalProcess ext = ExternalProcess.start(port, (x, seen) -> reply(x, 204, "text/plain", "", false))) {
      await().atMost(BOOT_TIMEOUT).until(() -> m.state() == MachineState.STARTED);
      assertThat(m.checks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("passing"));
      JsonNode rendered = apiGet("/v1/apps/org9-ext/machines/" + m.id());
      assertThat(rendered.path("image_ref").path("registry").asText()).isEqualTo("external");
      assertThat(rendered.path("config").path("image").asText()).isEqualTo("external+http://127.0.0.1:" + port);
    }
    assertThat(log("org9-ext")).contains("external process at http://127.0.0.1:" + port + " accepts connections");
  }

  @Test
  void anUnreachableExternalUrlEndsTheBootStoppedWithALogLineNamingIt() throws Exception {
    int port = freePort();
    Machine m = machine("org10-ext", "external+http://127.0.0.1:" + port);
    await().atMost(BOOT_TIMEOUT.multipliedBy(2)).until(() -> m.state() == MachineState.STOPPED);
    assertThat(m.events().get(0).exitCode()).isEqualTo(1);
    assertThat(log("org10-ext")).contains("Error: main process exited: external process at http://127.0.0.1:" + port
        + " did not accept connections within " + BOOT_TIMEOUT.toMillis() + " ms");
  }

  @Test
  void anAgentMachineCreatedThroughTheMachinesApiRunsTheEmbeddedAgentHost() throws Exception {
    fly.createApp("org11-pool", "org1");
    ObjectNode body = JSON.createObjectNode();
    body.putObject("config").put("image", "registry.fly.io/host-coder:latest");
    var created = api("POST", "/v1/apps/org11-pool/machines", body.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = JSON.readTree(created.body()).path("id").asText();
    assertThat(api("GET", "/v1/apps/org11-pool/machines/" + id + "/wait?state=started&timeout=10", null).statusCode()).isEqualTo(200);

    assertThat(fly.machine("org11-pool", id).runningProgram()).isInstanceOf(AgentHost.class);
    var ping = privateNetwork.send(java.net.http.HttpRequest.newBuilder(URI.create("http://" + id + ".vm.org11-pool.internal/ping")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(ping.body()).isEqualTo("pong");
  }

  static java.net.http.HttpResponse<String> api(String method, String path, String body) throws Exception {
    var b = java.net.http.HttpRequest.newBuilder(URI.create(stack.machinesApiUrl() + path))
        .header("authorization", "Bearer " + stack.flyToken()).header("content-type", "application/json")
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode apiGet(String path) throws Exception {
    var r = api("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
