package io.artifact.flyemu.fly.api;

import static io.artifact.flyemu.fly.PlatformFixture.BOOT;
import static io.artifact.flyemu.fly.PlatformFixture.REAP;
import static io.artifact.flyemu.fly.PlatformFixture.STOP;
import static io.artifact.flyemu.fly.api.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifact.flyemu.fly.PlatformFixture;
import io.artifact.flyemu.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Machines API in Fly's wire format, called in-process on a manual clock (fly-facts.md §1–3, §6). */
class MachinesApiTest {

  private static final String MACHINE = "{\"region\":\"syd\",\"config\":{\"image\":\"registry.fly.io/app:v1\",\"env\":{\"PORT\":\"8080\"}}}";

  @TempDir Path dataDir;
  private PlatformFixture p;
  private ApiCalls api;

  @BeforeEach
  void setUp() {
    p = new PlatformFixture(dataDir);
    api = new ApiCalls(new MachinesApi(p.fly));
  }

  private String createApp(String name) {
    HttpResponse r = api.call("POST", "/v1/apps", "{\"app_name\":\"" + name + "\",\"org_slug\":\"personal\"}");
    assertThat(r.status()).isEqualTo(201);
    return name;
  }

  private String createMachine(String app) {
    HttpResponse r = api.call("POST", "/v1/apps/" + app + "/machines", MACHINE);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    return json(r).path("id").asText();
  }

  private String startedMachine(String app) {
    String id = createMachine(app);
    p.clock.advance(BOOT);
    return id;
  }

  private static void assertError(HttpResponse r, int status, String error) {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
    assertThat(r.header("content-type")).contains("application/json");
    assertThat(json(r).path("error").asText()).isEqualTo(error);
    assertThat(r.header("fly-request-id")).isPresent();
  }

  // ---- auth ----

  @Test
  void aMissingTokenIsUnauthorizedWithFlysBody() {
    HttpResponse r = api.raw("GET", "/v1/apps?org_slug=personal", null, Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).isEqualTo("{\"error\":\"Authenticate: token validation error\"}");
    assertThat(r.header("fly-request-id")).isPresent();
  }

  @Test
  void aWrongTokenIsUnauthorized() {
    HttpResponse r = api.raw("GET", "/v1/apps?org_slug=personal", null, Map.of("authorization", List.of("Bearer fo1_wrong")));
    assertError(r, 401, "Authenticate: token validation error");
  }

  @Test
  void bothBearerAndFlyV1SchemesAreAccepted() {
    for (String scheme : List.of("Bearer ", "bearer ", "FlyV1 ")) {
      HttpResponse r = api.raw("GET", "/v1/apps?org_slug=personal", null,
          Map.of("Authorization", List.of(scheme + PlatformFixture.TOKEN)));
      assertThat(r.status()).as(scheme).isEqualTo(200);
    }
    HttpResponse macaroons = api.raw("GET", "/v1/apps?org_slug=personal", null,
        Map.of("Authorization", List.of("FlyV1 " + PlatformFixture.TOKEN + ",fm2_discharge")));
    assertThat(macaroons.status()).isEqualTo(200);
  }

  @Test
  void aRevokedTokenStopsWorking() {
    assertThat(api.call("GET", "/v1/apps?org_slug=personal").status()).isEqualTo(200);
    p.fly.revokeToken(PlatformFixture.TOKEN);
    assertError(api.call("GET", "/v1/apps?org_slug=personal"), 401, "Authenticate: token validation error");
  }

  // ---- apps ----

  @Test
  void appsAreCreatedListedAndDeleted() {
    HttpResponse created = api.call("POST", "/v1/apps", "{\"name\":\"org1-router\",\"org_slug\":\"org1\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(json(created).path("name").asText()).isEqualTo("org1-router");
    assertThat(json(created).path("organization").path("slug").asText()).isEqualTo("org1");

    JsonNode list = json(api.call("GET", "/v1/apps?org_slug=org1"));
    assertThat(list.path("total_apps").asInt()).isEqualTo(1);
    assertThat(list.path("apps").get(0).path("name").asText()).isEqualTo("org1-router");
    assertThat(json(api.call("GET", "/v1/apps?org_slug=personal")).path("total_apps").asInt()).isZero();

    HttpResponse deleted = api.call("DELETE", "/v1/apps/org1-router");
    assertThat(deleted.status()).isEqualTo(202);
    assertThat(deleted.body()).isEmpty();
    assertError(api.call("GET", "/v1/apps/org1-router"), 404, "app not found");
  }

  @Test
  void aTakenAppNameIsUnprocessable() {
    createApp("org1-router");
    assertError(api.call("POST", "/v1/apps", "{\"name\":\"org1-router\",\"org_slug\":\"personal\"}"),
        422, "Validation failed: Name has already been taken");
  }

  @Test
  void unknownAppsAndMachinesAreNotFoundWithFlysBodies() {
    assertError(api.call("GET", "/v1/apps/nope-app"), 404, "app not found");
    assertError(api.call("GET", "/v1/apps/nope-app/machines"), 404, "app not found");
    createApp("org1-app");
    assertError(api.call("GET", "/v1/apps/org1-app/machines/0123456789abcd"), 404, "not_found: machine not found");
    assertError(api.call("POST", "/v1/apps/org1-app/machines/0123456789abcd/stop"), 404, "not_found: machine not found");
  }

  @Test
  void anUnknownRouteIsNotFound() {
    HttpResponse r = api.call("GET", "/v1/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("fly-request-id")).isPresent();
  }

  // ---- machines ----

  @Test
  void createAnswersCreatedAndTheMachineStartsAfterItsBootDelay() {
    createApp("org1-app");
    HttpResponse r = api.call("POST", "/v1/apps/org1-app/machines", MACHINE);
    assertThat(json(r).path("state").asText()).isEqualTo("created");
    String id = json(r).path("id").asText();

    p.clock.runDue();
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + id)).path("state").asText()).isEqualTo("starting");
    p.clock.advance(BOOT);
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + id)).path("state").asText()).isEqualTo("started");
  }

  @Test
  void theMachineObjectHasFlysFields() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    JsonNode m = json(api.call("GET", "/v1/apps/org1-app/machines/" + id));

    assertThat(m.path("id").asText()).matches("[0-9a-f]{14}");
    assertThat(m.path("name").asText()).matches("[a-z]+-[a-z]+-\\d{4}");
    assertThat(m.path("state").asText()).isEqualTo("started");
    assertThat(m.path("region").asText()).isEqualTo("syd");
    JsonNode ref = m.path("image_ref");
    assertThat(ref.path("registry").asText()).isEqualTo("registry.fly.io");
    assertThat(ref.path("repository").asText()).isEqualTo("app");
    assertThat(ref.path("tag").asText()).isEqualTo("v1");
    assertThat(ref.path("digest").asText()).startsWith("sha256:");
    assertThat(ref.path("labels").isObject()).isTrue();
    assertThat(m.path("instance_id").asText()).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(m.path("private_ip").asText()).startsWith("fdaa:");
    assertThat(m.path("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(m.path("updated_at").asText()).isEqualTo("2026-01-01T00:00:05Z");
    assertThat(m.path("config").path("env").path("PORT").asText()).isEqualTo("8080");
    assertThat(m.path("events").get(0).path("type").asText()).isEqualTo("start");
    assertThat(m.path("events").get(0).path("status").asText()).isEqualTo("started");
    assertThat(m.path("events").get(0).path("source").asText()).isEqualTo("flyd");
    assertThat(m.path("events").get(0).path("timestamp").asLong()).as("unix milliseconds").isEqualTo(1767225605000L);
    assertThat(m.path("checks").isArray()).isTrue();
    assertThat(m.path("host_status").asText()).isEqualTo("ok");
    assertThat(m.path("cordoned").isBoolean()).isTrue();
  }

  @Test
  void listFiltersByStateAndSummaryOmitsConfigAndEvents() {
    createApp("org1-app");
    String running = startedMachine("org1-app");
    String stopped = startedMachine("org1-app");
    api.call("POST", "/v1/apps/org1-app/machines/" + stopped + "/stop");
    p.clock.advance(STOP);

    JsonNode all = json(api.call("GET", "/v1/apps/org1-app/machines"));
    assertThat(all).hasSize(2);
    JsonNode started = json(api.call("GET", "/v1/apps/org1-app/machines?state=started&summary=true"));
    assertThat(started).hasSize(1);
    assertThat(started.get(0).path("id").asText()).isEqualTo(running);
    assertThat(started.get(0).has("config")).isFalse();
    assertThat(started.get(0).has("events")).isFalse();
  }

  @Test
  void startStopSuspendAndRestartAnswerInFlysShapes() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    String base = "/v1/apps/org1-app/machines/" + id;

    assertThat(api.call("POST", base + "/suspend").bodyText()).isEqualTo("{\"ok\":true}");
    p.clock.advance(STOP);
    HttpResponse start = api.call("POST", base + "/start");
    assertThat(json(start).path("previous_state").asText()).isEqualTo("suspended");
    assertThat(json(start).path("migrated").asBoolean(true)).isFalse();
    p.clock.advance(BOOT);
    assertThat(api.call("POST", base + "/restart").status()).isEqualTo(200);
    assertThat(json(api.call("GET", base)).path("state").asText()).isEqualTo("restarting");
    p.clock.advance(BOOT);
    assertThat(api.call("POST", base + "/stop", "{\"signal\":\"SIGINT\",\"timeout\":\"10s\"}").bodyText()).isEqualTo("{\"ok\":true}");
    p.clock.advance(STOP);
    assertThat(json(api.call("GET", base)).path("state").asText()).isEqualTo("stopped");
  }

  @Test
  void stopWithAnArrayBodyIsABadRequest() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    assertError(api.call("POST", "/v1/apps/org1-app/machines/" + id + "/stop", "[]"),
        400, "json: cannot unmarshal array into Go value of type main.stopRequest");
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + id)).path("state").asText()).isEqualTo("started");
  }

  @Test
  void aMalformedJsonBodyIsABadRequest() {
    createApp("org1-app");
    HttpResponse r = api.call("POST", "/v1/apps/org1-app/machines", "{\"config\":");
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).path("error").asText()).startsWith("invalid_argument: malformed JSON body");
  }

  @Test
  void anImageTheRegistryCannotResolveFailsTheCreateWith422AndTheUpdateWith400() {
    createApp("org1-app");
    HttpResponse created = api.call("POST", "/v1/apps/org1-app/machines", "{\"config\":{\"image\":\"registry.fly.io/app:nonsense\"}}");
    assertThat(created.status()).isEqualTo(422);
    assertThat(json(created).path("error").asText())
        .startsWith("unable to resolve image registry.fly.io/app:nonsense: MANIFEST_UNKNOWN: manifest unknown");
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines")).size()).as("nothing was created").isZero();

    String id = startedMachine("org1-app");
    HttpResponse updated = api.call("POST", "/v1/apps/org1-app/machines/" + id, "{\"config\":{\"image\":\"registry.fly.io/nope:v1\"}}");
    assertThat(updated.status()).isEqualTo(400);
    assertThat(json(updated).path("error").asText())
        .startsWith("unable to resolve image registry.fly.io/nope:v1: NAME_UNKNOWN: repository name not known to registry");
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + id)).path("config").path("image").asText())
        .as("the Machine keeps its image").isEqualTo("registry.fly.io/app:v1");
  }

  @Test
  void updateAnswersANewInstanceId() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    String before = json(api.call("GET", "/v1/apps/org1-app/machines/" + id)).path("instance_id").asText();
    HttpResponse r = api.call("POST", "/v1/apps/org1-app/machines/" + id, "{\"config\":{\"image\":\"registry.fly.io/app:v2\"}}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(json(r).path("instance_id").asText()).isNotEqualTo(before);
    assertThat(json(r).path("image_ref").path("tag").asText()).isEqualTo("v2");
  }

  @Test
  void destroyingARunningMachineNeedsForceOrFlyctlsKillFlag() {
    createApp("org1-app");
    String a = startedMachine("org1-app");
    String b = startedMachine("org1-app");
    assertError(api.call("DELETE", "/v1/apps/org1-app/machines/" + a), 412,
        "failed_precondition: unable to destroy machine, not currently stopped, suspended, failed or created");

    assertThat(api.call("DELETE", "/v1/apps/org1-app/machines/" + a + "?force=true").bodyText()).isEqualTo("{\"ok\":true}");
    assertThat(api.call("DELETE", "/v1/apps/org1-app/machines/" + b + "?kill=true").status()).isEqualTo(200);
    p.clock.advance(STOP);
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + a)).path("state").asText()).isEqualTo("destroyed");
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines"))).as("destroyed Machines are listed only on request").isEmpty();
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines?include_deleted=true"))).hasSize(2);
    p.clock.advance(REAP);
    assertError(api.call("GET", "/v1/apps/org1-app/machines/" + a), 404, "not_found: machine not found");
  }

  @Test
  void eventsAreLimited() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + id + "/events?limit=1"))).hasSize(1);
    assertThat(json(api.call("GET", "/v1/apps/org1-app/machines/" + id + "/events"))).hasSize(2);
  }

  @Test
  void aNonNumericQueryParameterIsABadRequest() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    assertThat(api.call("GET", "/v1/apps/org1-app/machines/" + id + "/events?limit=lots").status()).isEqualTo(400);
    assertThat(api.call("POST", "/v1/apps/org1-app/machines/" + id + "/lease?ttl=long").status()).isEqualTo(400);
  }

  // ---- leases ----

  @Test
  void aHeldLeaseRefusesMutationsWithoutItsNonce() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    String base = "/v1/apps/org1-app/machines/" + id;
    HttpResponse lease = api.call("POST", base + "/lease?ttl=120");
    assertThat(lease.status()).isEqualTo(201);
    assertThat(json(lease).path("status").asText()).isEqualTo("success");
    String nonce = json(lease).path("data").path("nonce").asText();
    assertThat(nonce).isNotBlank();

    HttpResponse refused = api.call("POST", base + "/stop");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(json(refused).path("error").asText()).startsWith("aborted: machine ID " + id + " lease currently held by ");
    assertThat(api.call("POST", base + "/lease").status()).as("a second lease").isEqualTo(409);
    assertThat(api.call("DELETE", base + "?force=true").status()).isEqualTo(409);

    assertThat(api.call("POST", base + "/stop", null, Map.of("fly-machine-lease-nonce", nonce)).status()).isEqualTo(200);
    HttpResponse released = api.call("DELETE", base + "/lease", null, Map.of("fly-machine-lease-nonce", nonce));
    assertThat(released.bodyText()).isEqualTo("{\"status\":\"success\",\"data\":{\"ok\":true}}");
    assertThat(api.call("GET", base + "/lease").status()).isEqualTo(404);
  }

  @Test
  void anExpiredLeaseNoLongerBlocks() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    api.call("POST", "/v1/apps/org1-app/machines/" + id + "/lease", "{\"ttl\":10}");
    p.clock.advance(java.time.Duration.ofSeconds(11));
    assertThat(api.call("POST", "/v1/apps/org1-app/machines/" + id + "/suspend").status()).isEqualTo(200);
  }

  // ---- wait ----

  @Test
  void waitAnswersOkOnceTheMachineIsThere() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    HttpResponse r = api.call("GET", "/v1/apps/org1-app/machines/" + id + "/wait?state=started&timeout=5");
    assertThat(r.status()).isEqualTo(200);
    assertThat(json(r).path("ok").asBoolean()).isTrue();
    assertThat(json(r).path("state").asText()).isEqualTo("started");
  }

  @Test
  void waitRejectsTimeoutsOutsideOneToSixtySeconds() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    for (String t : List.of("0", "61", "90", "soon")) {
      HttpResponse r = api.call("GET", "/v1/apps/org1-app/machines/" + id + "/wait?state=started&timeout=" + t);
      assertThat(r.status()).as("timeout=" + t).isEqualTo(400);
      assertThat(json(r).path("error").asText()).startsWith("invalid_argument:");
    }
  }

  @Test
  void waitExpiresWithFlysDeadlineText() {
    createApp("org1-app");
    String id = createMachine("org1-app");
    p.clock.runDue();
    assertError(api.call("GET", "/v1/apps/org1-app/machines/" + id + "/wait?state=started&timeout=1"),
        408, "deadline_exceeded: machine failed to reach desired state, started, currently starting");
  }

  // ---- secrets ----

  @Test
  void bulkSecretsSetAndUnsetAnswerDigestsNeverValues() {
    createApp("org1-router");
    HttpResponse set = api.call("POST", "/v1/apps/org1-router/secrets", "{\"values\":{\"A\":\"sk_live_alpha\",\"B\":\"sk_live_beta\"}}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.bodyText()).doesNotContain("sk_live_");
    int v1 = json(set).path("version").asInt();

    HttpResponse change = api.call("POST", "/v1/apps/org1-router/secrets", "{\"values\":{\"A\":\"x-new\",\"B\":null}}");
    JsonNode body = json(change);
    assertThat(body.path("version").asInt()).isEqualTo(v1 + 1);
    assertThat(body.path("Version").asInt()).isEqualTo(v1 + 1);
    assertThat(body.path("secrets")).hasSize(1);
    assertThat(body.path("secrets").get(0).path("name").asText()).isEqualTo("A");
    assertThat(body.path("secrets").get(0).path("digest").asText()).isNotBlank();
    assertThat(body.path("secrets").get(0).has("value")).isFalse();
    assertThat(change.bodyText()).doesNotContain("x-new");

    HttpResponse list = api.call("GET", "/v1/apps/org1-router/secrets");
    assertThat(list.bodyText()).doesNotContain("x-new").doesNotContain("sk_live_");
    assertThat(p.fly.app("org1-router").secretValues()).containsExactly(Map.entry("A", "x-new"));
  }

  @Test
  void aSingleSecretIsSetAndDeleted() {
    createApp("org1-router");
    HttpResponse set = api.call("POST", "/v1/apps/org1-router/secrets/CLERK_SECRET_KEY", "{\"value\":\"sk_test_x\"}");
    assertThat(set.status()).isEqualTo(201);
    assertThat(set.bodyText()).doesNotContain("sk_test_x");
    HttpResponse deleted = api.call("DELETE", "/v1/apps/org1-router/secrets/CLERK_SECRET_KEY");
    assertThat(json(deleted).path("version").asInt()).isEqualTo(json(set).path("version").asInt() + 1);
    assertThat(api.call("DELETE", "/v1/apps/org1-router/secrets/CLERK_SECRET_KEY").status()).isEqualTo(404);
  }

  @Test
  void aBulkSecretsBodyWithoutValuesIsABadRequest() {
    createApp("org1-router");
    assertThat(api.call("POST", "/v1/apps/org1-router/secrets", "{\"A\":\"x\"}").status()).isEqualTo(400);
  }

  // ---- volumes ----

  @Test
  void volumesAreCreatedListedAndDeleted() {
    createApp("org1-nfs");
    HttpResponse created = api.call("POST", "/v1/apps/org1-nfs/volumes", "{\"name\":\"nfsdata\",\"region\":\"syd\",\"size_gb\":3}");
    assertThat(created.status()).isEqualTo(200);
    JsonNode v = json(created);
    assertThat(v.path("id").asText()).startsWith("vol_");
    assertThat(v.path("name").asText()).isEqualTo("nfsdata");
    assertThat(v.path("size_gb").asInt()).isEqualTo(3);
    assertThat(v.path("state").asText()).isEqualTo("created");

    assertThat(json(api.call("GET", "/v1/apps/org1-nfs/volumes"))).hasSize(1);
    assertThat(json(api.call("GET", "/v1/apps/org1-nfs/volumes/" + v.path("id").asText())).path("name").asText()).isEqualTo("nfsdata");
    assertThat(api.call("DELETE", "/v1/apps/org1-nfs/volumes/" + v.path("id").asText()).status()).isEqualTo(200);
    assertThat(json(api.call("GET", "/v1/apps/org1-nfs/volumes"))).isEmpty();
    assertError(api.call("GET", "/v1/apps/org1-nfs/volumes/" + v.path("id").asText()), 404, "volume not found");
  }

  @Test
  void anAttachedVolumeShowsItsMachineAndCannotBeDeleted() {
    createApp("org1-nfs");
    String vol = json(api.call("POST", "/v1/apps/org1-nfs/volumes", "{\"name\":\"nfsdata\"}")).path("id").asText();
    String id = json(api.call("POST", "/v1/apps/org1-nfs/machines",
        "{\"config\":{\"image\":\"registry.fly.io/app:v1\",\"mounts\":[{\"volume\":\"" + vol + "\",\"path\":\"/data\"}]}}")).path("id").asText();

    assertThat(json(api.call("GET", "/v1/apps/org1-nfs/volumes/" + vol)).path("attached_machine_id").asText()).isEqualTo(id);
    assertThat(api.call("DELETE", "/v1/apps/org1-nfs/volumes/" + vol).status()).isEqualTo(412);
    assertThat(api.call("POST", "/v1/apps/org1-nfs/machines",
        "{\"config\":{\"image\":\"registry.fly.io/app:v1\",\"mounts\":[{\"volume\":\"" + vol + "\",\"path\":\"/data\"}]}}").status())
        .isEqualTo(412);
  }

  // ---- certificates ----

  @Test
  void acmeCertificatesAddHostnamesTheEdgeRoutes() {
    createApp("org1-router");
    HttpResponse added = api.call("POST", "/v1/apps/org1-router/certificates/acme", "{\"hostname\":\"*.Example.test\"}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(json(added).path("hostname").asText()).isEqualTo("*.example.test");
    assertThat(json(api.call("GET", "/v1/apps/org1-router/certificates")).get(0).path("hostname").asText()).isEqualTo("*.example.test");
    assertThat(p.fly.appForHostname("alice.example.test")).isPresent();

    assertThat(api.call("DELETE", "/v1/apps/org1-router/certificates/%2A.example.test").status()).isEqualTo(200);
    assertThat(p.fly.appForHostname("alice.example.test")).isEmpty();
    assertThat(api.call("DELETE", "/v1/apps/org1-router/certificates/%2A.example.test").status()).isEqualTo(404);
  }

  @Test
  void aCertificateWithoutHostnameIsABadRequest() {
    createApp("org1-router");
    assertThat(api.call("POST", "/v1/apps/org1-router/certificates/acme", "{}").status()).isEqualTo(400);
  }

  // ---- logs ----

  @Test
  void logsArePagedWithNextTokenAndNeverMoreThanAPagePerCall() {
    createApp("org1-app");
    p.duringBoot = rt -> IntStream.rangeClosed(1, 249).forEach(i -> rt.log("line " + i));
    api.call("POST", "/v1/apps/org1-app/machines", "{\"config\":{\"image\":\"registry.fly.io/hook:v1\"}}");
    p.clock.advance(BOOT);

    List<String> messages = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String token = "";
    for (int call = 0; call < 10; call++) {
      JsonNode page = json(api.call("GET", "/api/v1/apps/org1-app/logs?next_token=" + token));
      assertThat(page.path("data").size()).isLessThanOrEqualTo(100);
      if (page.path("data").isEmpty()) break;
      page.path("data").forEach(e -> {
        assertThat(e.path("type").asText()).isEqualTo("logs");
        assertThat(ids.add(e.path("id").asText())).as("no entry twice").isTrue();
        messages.add(e.path("attributes").path("message").asText());
      });
      token = page.path("meta").path("next_token").asText();
    }
    assertThat(messages).hasSize(250).startsWith("Machine created with image registry.fly.io/hook:v1", "line 1").endsWith("line 249");
  }

  @Test
  void logEntriesCarryFlysAttributes() {
    createApp("org1-app");
    String id = startedMachine("org1-app");
    p.fly.machine("org1-app", id).kill("OOM");
    JsonNode data = json(api.call("GET", "/api/v1/apps/org1-app/logs?instance=" + id)).path("data");
    JsonNode last = data.get(data.size() - 1).path("attributes");
    assertThat(last.path("level").asText()).isEqualTo("error");
    assertThat(last.path("instance").asText()).isEqualTo(id);
    assertThat(last.path("region").asText()).isEqualTo("syd");
    assertThat(last.path("timestamp").asText()).startsWith("2026-01-01T00:00:05");
    assertThat(last.path("message").asText()).contains("SIGKILL");
  }

  @Test
  void logsOfAnUnknownAppAreNotFound() {
    assertError(api.call("GET", "/api/v1/apps/nope-app/logs"), 404, "app not found");
  }

  @Test
  void everyResponseCarriesADistinctRequestId() {
    createApp("org1-app");
    Set<String> ids = new HashSet<>();
    for (HttpResponse r : List.of(api.call("GET", "/v1/apps/org1-app"), api.call("GET", "/v1/apps/nope-app"),
        api.call("POST", "/v1/apps/org1-app/machines", "[1"), api.call("PATCH", "/v1/apps/org1-app"))) {
      assertThat(r.header("fly-request-id")).as(r.bodyText()).isPresent();
      ids.add(r.header("fly-request-id").orElseThrow());
    }
    assertThat(ids).hasSize(4);
  }
}
