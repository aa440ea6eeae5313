package io.artifact.flyemu.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.mcp.audit.ParamsHash;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control plane as any MCP client sees it: the SDK client over Streamable HTTP on loopback. */
class ControlPlaneServerTest {

  static EmbeddedStack stack;
  static ControlPlane cp;
  static McpTestClient client;
  static AdminClient admin;

  @BeforeAll
  static void start() {
    cp = new ControlPlane(ControlPlaneSettings.defaults());
    stack = EmbeddedStack.start(StackSettings.defaults("fly-test-token"), List.of(cp));
    stack.platform().images().register("test-app", ref -> new io.artifact.flyemu.apps.ArtifactApp(ref));
    client = McpTestClient.connect(cp.mcpUrl(), cp.orgToken());
    admin = new AdminClient(cp.endpoints().get("mcp_admin"));
  }

  @AfterAll
  static void stop() {
    if (client != null) client.close();
    if (stack != null) stack.close();
  }

  @Test
  void listsEveryToolWithInputAndOutputSchemas() {
    List<Tool> tools = client.sdk().listTools().tools();
    assertThat(tools).extracting(Tool::name).containsExactly("infra.ensure_app", "infra.create_machine", "infra.update_machine",
        "infra.destroy_machine", "infra.list_machines", "infra.set_secret", "infra.rotate_org_token", "infra.provision_org",
        "infra.router_trace", "fly.run", "fly.logs");
    assertThat(tools).allSatisfy(t -> {
      assertThat(t.inputSchema()).containsEntry("type", "object");
      assertThat(t.outputSchema()).containsEntry("type", "object");
    });
    Tool ensure = tools.stream().filter(t -> t.name().equals("infra.ensure_app")).findFirst().orElseThrow();
    assertThat(ensure.inputSchema()).containsEntry("required", List.of("name", "region"));
  }

  @Test
  void refusesAClientWithoutTokenWithHttp401BeforeTheMcpLayer() throws Exception {
    assertThatThrownBy(() -> McpTestClient.connect(cp.mcpUrl(), null)).satisfies(ControlPlaneServerTest::isRefusedWith401);
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cp.mcpUrl()))
        .header("Authorization", "Bearer not-a-token").header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.headers().firstValue("www-authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer ").contains("invalid_token"));
    assertThat(raw.body()).contains("unknown org token");
  }

  @Test
  void ensureAppIsIdempotentAndAudited() throws Exception {
    assertThat(client.ok("infra.ensure_app", Map.of("name", "org1-idem", "region", "syd"))).containsEntry("app", "org1-idem").containsEntry("created", true);
    assertThat(client.ok("infra.ensure_app", Map.of("name", "org1-idem", "region", "syd"))).containsEntry("created", false);
    JsonNode entries = admin.get("/audit?app_prefix=org1-idem").get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).path("tool").asText()).isEqualTo("infra.ensure_app");
    assertThat(entries.get(0).path("user").asText()).isEqualTo("operator@local");
    assertThat(entries.get(0).path("outcome").asText()).isEqualTo("ok");
    assertThat(entries.get(0).path("params_hash").asText())
        .isEqualTo(ParamsHash.of(Map.of("name", "org1-idem", "region", "syd"), Set.of())).startsWith("sha256:");
    assertThat(entries.get(0).path("at").asText()).isNotBlank();
  }

  @Test
  void aMachineCreatedAndDestroyedThroughMcpShowsOnThePlatformAndInTheAudit() throws Exception {
    client.ok("infra.ensure_app", Map.of("name", "org1-life", "region", "syd"));
    Map<String, Object> created = client.ok("infra.create_machine", Map.of("app", "org1-life", "image", "registry.fly.io/test-app:1",
        "region", "ams", "size", "shared-cpu-2x@512MB", "env", Map.of("MODE", "e2e"), "metadata", Map.of("dc_computer_id", "c1")));
    String id = (String) created.get("machine_id");
    assertThat(created.get("state")).isIn("created", "starting");
    await().atMost(Duration.ofSeconds(5)).until(() -> stack.platform().machine("org1-life", id).state() == MachineState.STARTED);
    var m = stack.platform().machine("org1-life", id);
    assertThat(m.config().path("guest").path("memory_mb").asInt()).isEqualTo(512);
    assertThat(m.config().path("env").path("MODE").asText()).isEqualTo("e2e");
    assertThat(m.metadata()).containsEntry("dc_computer_id", "c1").containsEntry("fly_platform_version", "v2");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listed = (List<Map<String, Object>>) client.ok("infra.list_machines", Map.of("app", "org1-life")).get("machines");
    assertThat(listed).singleElement().satisfies(x -> assertThat(x).containsEntry("id", id).containsEntry("state", "started").containsEntry("region", "ams"));

    assertThat(client.ok("infra.destroy_machine", Map.of("app", "org1-life", "machine_id", id))).containsEntry("ok", true);
    await().atMost(Duration.ofSeconds(5)).until(() -> stack.platform().machines("org1-life", false).isEmpty());
    List<String> tools = new ArrayList<>();
    admin.get("/audit?app_prefix=org1-life").get("entries").forEach(e -> tools.add(e.path("tool").asText() + "=" + e.path("outcome").asText()));
    assertThat(tools).containsExactly("infra.ensure_app=ok", "infra.create_machine=ok", "infra.list_machines=ok", "infra.destroy_machine=ok");
  }

  @Test
  void updateMachineAppliesAMergePatchAsANewVersion() {
    client.ok("infra.ensure_app", Map.of("name", "org1-upd", "region", "syd"));
    String id = (String) client.ok("infra.create_machine", Map.of("app", "org1-upd", "image", "registry.fly.io/test-app:1",
        "region", "syd", "env", Map.of("A", "1", "B", "2"))).get("machine_id");
    String before = stack.platform().machine("org1-upd", id).instanceId();
    Map<String, Object> patch = new java.util.HashMap<>();
    patch.put("env", new java.util.HashMap<>(Map.of("A", "9")));
    ((Map<String, Object>) patch.get("env")).put("B", null);
    assertThat(client.ok("infra.update_machine", Map.of("app", "org1-upd", "machine_id", id, "patch", patch))).containsEntry("machine_id", id);
    var m = stack.platform().machine("org1-upd", id);
    assertThat(m.instanceId()).isNotEqualTo(before);
    assertThat(m.config().path("env").path("A").asText()).isEqualTo("9");
    assertThat(m.config().path("env").has("B")).isFalse();
  }

  @Test
  void setSecretStoresTheValueButNeverEchoesOrAuditsIt() throws Exception {
    client.ok("infra.ensure_app", Map.of("name", "org1-sec", "region", "syd"));
    CallToolResult r = client.call("infra.set_secret", Map.of("app", "org1-sec", "name", "CLERK_SECRET_KEY", "value", "sk_test_sup3rs3cret"));
    assertThat(r.isError()).isFalse();
    assertThat(r.toString()).doesNotContain("sk_test_sup3rs3cret");
    assertThat(stack.platform().app("org1-sec").secretValues()).containsEntry("CLERK_SECRET_KEY", "sk_test_sup3rs3cret");
    JsonNode audit = admin.get("/audit?app_prefix=org1-sec");
    assertThat(audit.toString()).doesNotContain("sk_test_sup3rs3cret");
    assertThat(audit.get("entries").get(1).path("params_hash").asText())
        .isEqualTo(ParamsHash.of(Map.of("app", "org1-sec", "name", "CLERK_SECRET_KEY"), Set.of()));
    CallToolResult fly = client.call("infra.set_secret", Map.of("app", "org1-sec", "name", "FLY_API_TOKEN", "value", "x"));
    assertThat(fly.isError()).isTrue();
    assertThat(McpTestClient.text(fly)).startsWith("refused: secret FLY_API_TOKEN is reserved");
  }

  @Test
  void anAppOutsideTheAllowListIsRefusedAuditedAndLeftAlone() throws Exception {
    CallToolResult r = client.call("infra.ensure_app", Map.of("name", "nfs-proto", "region", "syd"));
    assertThat(r.isError()).isTrue();
    assertThat(McpTestClient.text(r)).isEqualTo("refused: app 'nfs-proto' is outside the org allow-list (org*)");
    assertThat(stack.platform().findApp("nfs-proto")).isEmpty();
    JsonNode e = admin.get("/audit?app_prefix=nfs-proto").get("entries");
    assertThat(e).singleElement().satisfies(x -> assertThat(x.path("outcome").asText()).startsWith("refused: app 'nfs-proto'"));
  }

  @Test
  void malformedArgumentsGiveAValidationErrorNamingTheFieldAndCreateNothing() throws Exception {
    CallToolResult bad = client.call("infra.ensure_app", Map.of("name", "org1-bad", "region", "sydney"));
    assertThat(bad.isError()).isTrue();
    assertThat(McpTestClient.text(bad)).startsWith("invalid arguments for infra.ensure_app: region: does not match");
    CallToolResult missing = client.call("infra.create_machine", Map.of("app", "org1-bad", "region", "syd"));
    assertThat(McpTestClient.text(missing)).isEqualTo("invalid arguments for infra.create_machine: image: is required");
    CallToolResult extra = client.call("infra.list_machines", Map.of("app", "org1-bad", "appz", "x"));
    assertThat(McpTestClient.text(extra)).contains("appz: is not an argument of this tool");
    assertThat(stack.platform().findApp("org1-bad")).isEmpty();
    assertThat(admin.get("/audit?app_prefix=org1-bad").get("entries")).hasSize(3)
        .allSatisfy(x -> assertThat(x.path("outcome").asText()).startsWith("invalid: "));
  }

  @Test
  void aSliceTokenCoversOnlyItsOwnPrefix() throws Exception {
    String token = admin.post("/orgs/org7/token", "{\"user\":\"alice\"}").path("token").asText();
    try (McpTestClient slice = McpTestClient.connect(cp.mcpUrl(), token)) {
      assertThat(slice.ok("infra.ensure_app", Map.of("name", "org7-a", "region", "syd"))).containsEntry("created", true);
      CallToolResult other = slice.call("infra.ensure_app", Map.of("name", "org8-a", "region", "syd"));
      assertThat(McpTestClient.text(other)).isEqualTo("refused: app 'org8-a' is not covered by the org token of 'org7' (org7-*)");
    }
    assertThat(admin.get("/audit?app_prefix=org7-a").get("entries").get(0).path("user").asText()).isEqualTo("alice");
  }

  @Test
  void rotationMakesTheOldTokenFailOnTheNextCallAndRaisesAnAlert() throws Exception {
    String old = admin.post("/orgs/org5/token", "{}").path("token").asText();
    McpTestClient c = McpTestClient.connect(cp.mcpUrl(), old);
    Map<String, Object> rotated = c.ok("infra.rotate_org_token", Map.of());
    assertThat(rotated.get("rotated_at").toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThatThrownBy(() -> c.call("infra.ensure_app", Map.of("name", "org5-a", "region", "syd")))
        .satisfies(ControlPlaneServerTest::isRefusedWith401);
    assertThat(stack.platform().findApp("org5-a")).isEmpty();
    assertThat(kinds(admin.get("/alerts?org=org5"))).containsExactly("token_rotated", "revoked_token_used");
    String fresh = admin.get("/orgs/org5/token").path("token").asText();
    assertThat(fresh).isNotEqualTo(old);
    try (McpTestClient again = McpTestClient.connect(cp.mcpUrl(), fresh)) {
      assertThat(again.ok("infra.ensure_app", Map.of("name", "org5-a", "region", "syd"))).containsEntry("created", true);
    }
  }

  @Test
  void revocationMakesTheTokenFailOnTheNextCallAndRaisesAnAlert() throws Exception {
    String token = admin.post("/orgs/org6/token", "{}").path("token").asText();
    McpTestClient c = McpTestClient.connect(cp.mcpUrl(), token);
    c.ok("infra.ensure_app", Map.of("name", "org6-a", "region", "syd"));
    admin.post("/orgs/org6/revoke", "");
    assertThatThrownBy(() -> c.call("infra.ensure_app", Map.of("name", "org6-b", "region", "syd")))
        .satisfies(ControlPlaneServerTest::isRefusedWith401);
    assertThat(stack.platform().findApp("org6-b")).isEmpty();
    JsonNode alerts = admin.get("/alerts?org=org6");
    assertThat(kinds(alerts)).containsExactly("token_revoked", "revoked_token_used");
    assertThat(alerts.toString()).doesNotContain(token);
  }

  @Test
  void flyRunAnswersAnAllowListedCommandAndRefusesTheRestByName() throws Exception {
    client.ok("infra.ensure_app", Map.of("name", "org1-flyrun", "region", "syd"));
    Map<String, Object> list = client.ok("fly.run", Map.of("args", List.of("machine", "list", "-a", "org1-flyrun", "--json")));
    assertThat(list).containsEntry("exit_code", 0).containsEntry("stdout", "[]\n").containsEntry("command", "fly machine list -a org1-flyrun --json");
    CallToolResult deploy = client.call("fly.run", Map.of("args", List.of("deploy", "-a", "org1-flyrun")));
    assertThat(deploy.isError()).isTrue();
    assertThat(McpTestClient.text(deploy)).contains("refused: fly.run refused 'fly deploy -a org1-flyrun': 'fly deploy' is not on the allow-list");
    CallToolResult outside = client.call("fly.run", Map.of("args", List.of("status", "-a", "nfs-proto")));
    assertThat(McpTestClient.text(outside)).isEqualTo("refused: app 'nfs-proto' is outside the org allow-list (org*)");
    assertThat(admin.get("/audit?app_prefix=org1-flyrun").get("entries")).extracting(e -> e.path("outcome").asText())
        .containsExactly("ok", "ok", "refused: fly.run refused 'fly deploy -a org1-flyrun': 'fly deploy' is not on the allow-list ("
            + io.artifact.flyemu.mcp.flyctl.FlyctlCommand.ALLOW_LIST + ")");
  }

  @Test
  @SuppressWarnings("unchecked")
  void flyLogsReturnsTheNewestLinesUpToTheLimit() {
    client.ok("infra.ensure_app", Map.of("name", "org1-logs", "region", "syd"));
    for (int i = 0; i < 3; i++) {
      client.ok("infra.create_machine", Map.of("app", "org1-logs", "image", "registry.fly.io/test-app:" + i, "region", "syd"));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> stack.platform().machines("org1-logs", false).stream()
        .allMatch(m -> m.state() == MachineState.STARTED));
    var all = stack.platform().logs("org1-logs", null, null, 1000);
    Map<String, Object> logs = client.ok("fly.logs", Map.of("app", "org1-logs", "limit", 2, "since", "10m"));
    assertThat((List<Map<String, Object>>) logs.get("lines")).extracting(l -> l.get("message"))
        .containsExactly(all.get(all.size() - 2).message(), all.get(all.size() - 1).message());
    assertThat(logs.get("truncated")).isEqualTo(true);
    CallToolResult tooMany = client.call("fly.logs", Map.of("app", "org1-logs", "limit", 5000));
    assertThat(McpTestClient.text(tooMany)).contains("limit: must have a maximum value of 500");
  }

  @Test
  @SuppressWarnings("unchecked")
  void provisionOrgDryRunPlansWithoutCreatingAndApplyIsIdempotent() {
    Map<String, Object> args = new java.util.HashMap<>(Map.of("org", "org1-prov", "domain", "prov.artifact.test", "region", "syd",
        "images", Map.of("nfs", "registry.fly.io/fly-nfs:2.4", "fly-router", "registry.fly.io/fly-router:doc"), "dry_run", true));
    Map<String, Object> plan = client.ok("infra.provision_org", args);
    assertThat(plan).containsEntry("dry_run", true).containsEntry("changes", 8).containsEntry("regions", List.of("syd"));
    assertThat((List<Map<String, Object>>) plan.get("apps")).extracting(a -> a.get("name") + ":" + a.get("action"))
        .containsExactly("org1-prov-nfs:create", "org1-prov-fly-router:create", "org1-prov-fly-exec:create", "org1-prov-worker-pool:create");
    assertThat(stack.platform().findApp("org1-prov-nfs")).isEmpty();

    args.put("dry_run", false);
    Map<String, Object> applied = client.ok("infra.provision_org", args);
    assertThat(applied).containsEntry("changes", 8);
    List<Map<String, Object>> machines = (List<Map<String, Object>>) applied.get("machines");
    assertThat(machines).extracting(m -> m.get("role") + ":" + m.get("action")).containsExactly("nfs:created", "fly-router:created", "fly-exec:created");
    assertThat(machines.get(0).get("image_digest").toString()).matches("sha256:[0-9a-f]{64}");
    assertThat(((Map<String, Object>) applied.get("images")).keySet()).containsExactly("nfs", "fly-router", "fly-exec");
    await().atMost(Duration.ofSeconds(5)).until(() -> stack.platform().machines("org1-prov-nfs", false).get(0).state() == MachineState.STARTED);
    assertThat(stack.platform().app("org1-prov-fly-router").hostnames()).contains("prov.artifact.test", "*.prov.artifact.test");

    Map<String, Object> again = client.ok("infra.provision_org", args);
    assertThat(again).containsEntry("changes", 0);
    assertThat((List<Map<String, Object>>) again.get("machines")).extracting(m -> m.get("action")).containsOnly("existing");
    assertThat(stack.platform().machines("org1-prov-fly-exec", false)).hasSize(1);
  }

  @Test
  void provisionOrgRejectsAnUnknownImageNamingItAndCreatesNothing() {
    CallToolResult r = client.call("infra.provision_org", Map.of("org", "org1-badimg", "domain", "x.artifact.test", "region", "syd",
        "images", Map.of("fly-router", "registry.fly.io/fly-routr:1"), "dry_run", false));
    assertThat(McpTestClient.text(r)).startsWith("invalid: images.fly-router: 'registry.fly.io/fly-routr:1' is not in the registry");
    assertThat(stack.platform().findApp("org1-badimg-nfs")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void routerTraceExplainsHowAHostResolvesWithoutChangingAnything() throws Exception {
    client.ok("infra.provision_org", Map.of("org", "org1-tr", "domain", "tr.artifact.test", "region", "syd", "dry_run", false));
    await().atMost(Duration.ofSeconds(5)).until(() -> stack.platform().machines("org1-tr-nfs", false).get(0).state() == MachineState.STARTED);
    String worker = (String) client.ok("infra.create_machine", Map.of("app", "org1-tr-worker-pool", "image", "registry.fly.io/fly-exec:doc",
        "region", "syd")).get("machine_id");
    java.nio.file.Path root = stack.platform().services().get(io.artifact.flyemu.nfs.NfsMounts.class).mount("org1-tr-nfs.flycast");
    for (String d : List.of("agents/brave-otter/home", "exec", "repos")) java.nio.file.Files.createDirectories(root.resolve("user_2abc/" + d));
    java.nio.file.Files.writeString(root.resolve("user_2abc/exec/brave-otter.json"),
        "{\"software\":\"running\",\"hardware\":\"running\",\"record\":{\"image\":\"registry.fly.io/host-coder:1\","
            + "\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":256},\"machineId\":\"" + worker + "\"}\n");

    Map<String, Object> agent = client.ok("infra.router_trace", Map.of("host", "brave-otter--user_2abc.tr.artifact.test", "path", "/x"));
    assertThat(agent).containsEntry("router_app", "org1-tr-fly-router").containsEntry("kind", "agent").containsEntry("computer", "user_2abc")
        .containsEntry("agent", "brave-otter").containsEntry("machine_id", worker)
        .containsEntry("replay", Map.of("app", "org1-tr-worker-pool", "instance", worker));
    assertThat((Map<String, Object>) agent.get("instance_file")).containsEntry("hardware", "running").containsEntry("software", "running");
    assertThat(agent.get("machine_state")).isIn("created", "starting", "started");
    assertThat(client.ok("infra.router_trace", Map.of("host", "sly-fox--user_2abc.tr.artifact.test")).get("decision")).isEqualTo("404 Agent not found");
    assertThat(client.ok("infra.router_trace", Map.of("host", "nobody.tr.artifact.test")).get("decision")).isEqualTo("404 Computer not found");
    assertThat(client.ok("infra.router_trace", Map.of("host", "a--b--c.tr.artifact.test")).get("decision"))
        .isEqualTo("500 subdomain does not contain exactly one --");
    assertThat(client.ok("infra.router_trace", Map.of("host", "tr.artifact.test")).get("kind")).isEqualTo("base");
    assertThat(java.nio.file.Files.exists(root.resolve("user_2abc/exec/sly-fox.json"))).as("trace changes nothing").isFalse();
    assertThat(McpTestClient.text(client.call("infra.router_trace", Map.of("host", "x.unknown.test")))).contains("no app serves host x.unknown.test");
  }

  static void isRefusedWith401(Throwable t) {
    assertThat(McpError.findRootCause(t)).isInstanceOfSatisfying(McpHttpClientTransportAuthorizationException.class,
        e -> assertThat(e.getResponseInfo().statusCode()).isEqualTo(401));
  }

  private static List<String> kinds(JsonNode alerts) {
    return StreamSupport.stream(alerts.get("alerts").spliterator(), false).map(a -> a.path("kind").asText()).toList();
  }
}
