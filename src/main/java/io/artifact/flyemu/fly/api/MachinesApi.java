package io.artifact.flyemu.fly.api;

import static io.artifact.flyemu.fly.api.FlyJson.MAPPER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.App;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Ids;
import io.artifact.flyemu.fly.Leases;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineEvent;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.PlatformException;
import io.artifact.flyemu.fly.Volume;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.http.Routes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Machines API (under {@code /v1}) and the logs REST endpoint flyctl reads (under
 * {@code /api/v1}), in Fly's wire format. The route table reads like Fly's API reference; each
 * handler parses, makes one platform call and renders Fly's JSON. Errors are mapped once, in
 * {@link FlyApiErrors}.
 */
public final class MachinesApi implements HttpHandler {

  private static final int LOG_PAGE = 100;

  private final FlyPlatform fly;
  private final Leases leases;
  private final Routes routes = new Routes();

  public MachinesApi(FlyPlatform fly) {
    this.fly = fly;
    this.leases = new Leases(fly.scheduler());
    routes
        .on("GET", "/v1/apps", (r, p) -> listApps(r))
        .on("POST", "/v1/apps", (r, p) -> createApp(r))
        .on("GET", "/v1/apps/{app}", (r, p) -> json(200, FlyJson.app(fly.app(p.get("app")))))
        .on("DELETE", "/v1/apps/{app}", (r, p) -> deleteApp(r, p.get("app")))
        .on("GET", "/v1/apps/{app}/machines", (r, p) -> listMachines(r, p.get("app")))
        .on("POST", "/v1/apps/{app}/machines", (r, p) -> createMachine(r, p.get("app")))
        .on("GET", "/v1/apps/{app}/machines/{id}", (r, p) -> json(200, FlyJson.machine(machine(p), false)))
        .on("POST", "/v1/apps/{app}/machines/{id}", (r, p) -> updateMachine(r, p))
        .on("DELETE", "/v1/apps/{app}/machines/{id}", (r, p) -> destroyMachine(r, p))
        .on("POST", "/v1/apps/{app}/machines/{id}/start", (r, p) -> startMachine(r, p))
        .on("POST", "/v1/apps/{app}/machines/{id}/stop", (r, p) -> stopMachine(r, p))
        .on("POST", "/v1/apps/{app}/machines/{id}/suspend", (r, p) -> mutate(r, p, Machine::suspend))
        .on("POST", "/v1/apps/{app}/machines/{id}/restart", (r, p) -> mutate(r, p, Machine::restart))
        .on("GET", "/v1/apps/{app}/machines/{id}/wait", (r, p) -> waitMachine(r, p))
        .on("GET", "/v1/apps/{app}/machines/{id}/events", (r, p) -> events(r, p))
        .on("GET", "/v1/apps/{app}/machines/{id}/lease", (r, p) -> getLease(p))
        .on("POST", "/v1/apps/{app}/machines/{id}/lease", (r, p) -> acquireLease(r, p))
        .on("DELETE", "/v1/apps/{app}/machines/{id}/lease", (r, p) -> releaseLease(r, p))
        .on("GET", "/v1/apps/{app}/secrets", (r, p) -> listSecrets(p.get("app")))
        .on("POST", "/v1/apps/{app}/secrets", (r, p) -> setSecrets(r, p.get("app")))
        .on("POST", "/v1/apps/{app}/secrets/{name}", (r, p) -> setSecret(r, p))
        .on("DELETE", "/v1/apps/{app}/secrets/{name}", (r, p) -> unsetSecret(p))
        .on("GET", "/v1/apps/{app}/volumes", (r, p) -> listVolumes(p.get("app")))
        .on("POST", "/v1/apps/{app}/volumes", (r, p) -> createVolume(r, p.get("app")))
        .on("GET", "/v1/apps/{app}/volumes/{vol}", (r, p) -> json(200, FlyJson.volume(fly.app(p.get("app")).volume(p.get("vol")))))
        .on("DELETE", "/v1/apps/{app}/volumes/{vol}", (r, p) -> json(200, FlyJson.volume(fly.deleteVolume(p.get("app"), p.get("vol")))))
        .on("GET", "/v1/apps/{app}/certificates", (r, p) -> listCertificates(p.get("app")))
        .on("POST", "/v1/apps/{app}/certificates/acme", (r, p) -> addCertificate(r, p.get("app")))
        .on("DELETE", "/v1/apps/{app}/certificates/{hostname}", (r, p) -> removeCertificate(p))
        .on("GET", "/api/v1/apps/{app}/logs", (r, p) -> logs(r, p.get("app")));
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String requestId = Ids.hex(10);
    try {
      fly.authenticate(token(request));
      return routes.dispatch(request, r -> HttpResponse.json(404, "{\"error\":\"not_found: no route " + r.method() + " " + r.path() + "\"}"))
          .withHeader("fly-request-id", requestId);
    } catch (Exception e) {
      return FlyApiErrors.response(e).withHeader("fly-request-id", requestId);
    }
  }

  /** Fly clients send {@code Bearer <token>}; flyctl sends {@code FlyV1 <token>} for macaroons. */
  static String token(HttpRequest r) {
    String h = r.header("authorization").orElse("").trim();
    if (h.regionMatches(true, 0, "Bearer ", 0, 7)) return h.substring(7).trim();
    if (h.regionMatches(true, 0, "FlyV1 ", 0, 6)) return h.substring(6).split(",")[0].trim();
    return null;
  }

  // ---- apps ----

  private HttpResponse listApps(HttpRequest r) {
    String org = r.query("org_slug").orElseThrow(() -> PlatformException.invalid("invalid_argument: org_slug is required"));
    List<App> apps = fly.apps(org);
    ObjectNode n = MAPPER.createObjectNode().put("total_apps", apps.size());
    ArrayNode arr = n.putArray("apps");
    apps.forEach(a -> arr.add(FlyJson.app(a)));
    return json(200, n);
  }

  private HttpResponse createApp(HttpRequest r) throws JsonProcessingException {
    JsonNode body = body(r);
    String name = body.hasNonNull("name") ? body.get("name").asText() : body.path("app_name").asText(null);
    return json(201, FlyJson.app(fly.createApp(name, body.path("org_slug").asText(null))));
  }

  private HttpResponse deleteApp(HttpRequest r, String app) {
    fly.deleteApp(app, r.queryFlag("force"));
    return HttpResponse.empty(202);
  }

  // ---- machines ----

  private Machine machine(Map<String, String> p) {
    return fly.machine(p.get("app"), p.get("id"));
  }

  /** The Machine a mutation targets, once its lease (if any) allows the caller (fly-facts.md §2.2). */
  private Machine leased(HttpRequest r, Map<String, String> p) {
    Machine m = machine(p);
    leases.check(m, nonce(r));
    return m;
  }

  private HttpResponse listMachines(HttpRequest r, String app) {
    boolean summary = r.queryFlag("summary");
    List<String> states = r.query("state").map(s -> List.of(s.split(","))).orElse(List.of());
    ArrayNode arr = MAPPER.createArrayNode();
    for (Machine m : fly.machines(app, r.queryFlag("include_deleted"))) {
      if (!states.isEmpty() && !states.contains(m.state().wire())) continue;
      if (r.query("region").map(reg -> !reg.equals(m.region())).orElse(false)) continue;
      arr.add(FlyJson.machine(m, summary));
    }
    return json(200, arr);
  }

  private HttpResponse createMachine(HttpRequest r, String app) throws JsonProcessingException {
    JsonNode body = body(r);
    ObjectNode config = body.path("config") instanceof ObjectNode c ? c : MAPPER.createObjectNode();
    ObjectNode created = fly.createMachine(app, body.path("name").asText(null), body.path("region").asText(null), config,
        body.path("skip_launch").asBoolean(false), m -> FlyJson.machine(m, false));
    return json(200, created);
  }

  private HttpResponse updateMachine(HttpRequest r, Map<String, String> p) throws JsonProcessingException {
    leased(r, p);
    JsonNode body = body(r);
    if (!(body.path("config") instanceof ObjectNode config)) throw PlatformException.invalid("invalid_argument: config is required");
    Machine m = fly.updateMachine(p.get("app"), p.get("id"), config, body.path("skip_launch").asBoolean(false));
    return json(200, FlyJson.machine(m, false));
  }

  private HttpResponse destroyMachine(HttpRequest r, Map<String, String> p) {
    // the API documents ?force=true; flyctl sends ?kill=true for --force (fly-facts.md §6)
    leased(r, p).destroy(r.queryFlag("force") || r.queryFlag("kill"));
    return ok();
  }

  private HttpResponse startMachine(HttpRequest r, Map<String, String> p) {
    MachineState previous = leased(r, p).start();
    return json(200, MAPPER.createObjectNode().put("previous_state", previous.wire()).put("migrated", false).put("new_host", ""));
  }

  private HttpResponse stopMachine(HttpRequest r, Map<String, String> p) throws JsonProcessingException {
    if (r.body().length > 0 && !body(r).isObject()) {
      throw PlatformException.invalid("json: cannot unmarshal array into Go value of type main.stopRequest");
    }
    return mutate(r, p, Machine::stop);
  }

  private HttpResponse mutate(HttpRequest r, Map<String, String> p, java.util.function.Consumer<Machine> action) {
    action.accept(leased(r, p));
    return ok();
  }

  private HttpResponse waitMachine(HttpRequest r, Map<String, String> p) throws InterruptedException {
    String state = r.query("state").orElse("started");
    int timeout;
    try {
      timeout = Integer.parseInt(r.query("timeout").orElse("60").replaceAll("s$", ""));
    } catch (NumberFormatException e) {
      throw PlatformException.invalid("invalid_argument: timeout must be whole seconds between 1 and 60");
    }
    Machine m = fly.waitFor(p.get("app"), p.get("id"), state, Duration.ofSeconds(timeout));
    return json(200, MAPPER.createObjectNode().put("ok", true).put("state", m.state().wire()).put("version", m.instanceId()));
  }

  private HttpResponse events(HttpRequest r, Map<String, String> p) {
    int limit = Math.max(0, Math.min(50, intQuery(r, "limit", 20)));
    List<MachineEvent> events = machine(p).events();
    return json(200, FlyJson.events(events.subList(0, Math.min(limit, events.size()))));
  }

  private HttpResponse getLease(Map<String, String> p) {
    return leases.current(p.get("id")).map(l -> json(200, FlyJson.lease(l)))
        .orElseThrow(() -> PlatformException.notFound("lease not found"));
  }

  private HttpResponse acquireLease(HttpRequest r, Map<String, String> p) throws JsonProcessingException {
    JsonNode body = body(r);
    int ttl = intQuery(r, "ttl", body.path("ttl").asInt(30));
    Leases.Lease l = leases.acquire(machine(p), "e2e@" + p.get("app"), Duration.ofSeconds(ttl), nonce(r), body.path("description").asText(""));
    return json(201, FlyJson.lease(l));
  }

  private HttpResponse releaseLease(HttpRequest r, Map<String, String> p) {
    leases.release(machine(p), nonce(r));
    ObjectNode n = MAPPER.createObjectNode().put("status", "success");
    n.putObject("data").put("ok", true);
    return json(200, n);
  }

  // ---- secrets ----

  private HttpResponse listSecrets(String app) {
    return json(200, FlyJson.secrets(fly.app(app).secrets()));
  }

  private HttpResponse setSecrets(HttpRequest r, String app) throws JsonProcessingException {
    JsonNode values = body(r).path("values");
    if (!values.isObject()) throw PlatformException.invalid("invalid_argument: body must be {\"values\": {\"NAME\": \"value\" | null}}");
    Map<String, String> map = new HashMap<>();
    values.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    int version = fly.setSecrets(app, map);
    ObjectNode n = FlyJson.secrets(fly.app(app).secrets());
    n.put("version", version);
    n.put("Version", version);
    return json(200, n);
  }

  private HttpResponse setSecret(HttpRequest r, Map<String, String> p) throws JsonProcessingException {
    JsonNode value = body(r).path("value");
    if (!value.isTextual()) throw PlatformException.invalid("invalid_argument: body must be {\"value\": \"...\"}");
    int version = fly.setSecrets(p.get("app"), Map.of(p.get("name"), value.asText()));
    ObjectNode n = fly.app(p.get("app")).secrets().stream().filter(s -> s.name().equals(p.get("name")))
        .findFirst().map(FlyJson::secret).orElseThrow();
    n.put("version", version);
    return json(201, n);
  }

  private HttpResponse unsetSecret(Map<String, String> p) {
    return json(200, MAPPER.createObjectNode().put("version", fly.unsetSecret(p.get("app"), p.get("name"))));
  }

  // ---- volumes and certificates ----

  private HttpResponse listVolumes(String app) {
    ArrayNode arr = MAPPER.createArrayNode();
    fly.app(app).volumes().forEach(v -> arr.add(FlyJson.volume(v)));
    return json(200, arr);
  }

  private HttpResponse createVolume(HttpRequest r, String app) throws JsonProcessingException {
    JsonNode b = body(r);
    Volume v = fly.createVolume(app, b.path("name").asText(null), b.path("region").asText(null), b.path("size_gb").asInt(1));
    return json(200, FlyJson.volume(v));
  }

  private HttpResponse listCertificates(String app) {
    ArrayNode arr = MAPPER.createArrayNode();
    fly.app(app).hostnames().forEach(h -> arr.add(FlyJson.certificate(h)));
    return json(200, arr);
  }

  private HttpResponse addCertificate(HttpRequest r, String app) throws JsonProcessingException {
    String hostname = body(r).path("hostname").asText(null);
    if (hostname == null || hostname.isBlank()) throw PlatformException.invalid("invalid_argument: hostname is required");
    fly.addCertificate(app, hostname);
    return json(201, FlyJson.certificate(hostname.toLowerCase(Locale.ROOT)).put("acme_requested", true));
  }

  private HttpResponse removeCertificate(Map<String, String> p) {
    fly.removeCertificate(p.get("app"), p.get("hostname"));
    return ok();
  }

  // ---- logs (flyctl: GET {FLY_API_BASE_URL}/api/v1/apps/{app}/logs) ----

  private HttpResponse logs(HttpRequest r, String app) {
    String after = r.query("next_token").orElse(null);
    List<LogEntry> page = fly.logs(app, after, r.query("instance").orElse(null), LOG_PAGE);
    String next = page.isEmpty() ? (after == null ? "" : after) : page.get(page.size() - 1).id();
    return json(200, FlyJson.logsPage(page, next));
  }

  // ---- helpers ----

  private static String nonce(HttpRequest r) {
    return r.header("fly-machine-lease-nonce").orElse(null);
  }

  private static int intQuery(HttpRequest r, String name, int fallback) {
    String v = r.query(name).orElse(null);
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw PlatformException.invalid("invalid_argument: " + name + " must be a whole number, got '" + v + "'");
    }
  }

  private static JsonNode body(HttpRequest r) throws JsonProcessingException {
    // from a String: Jackson's byte[] overload also declares the IOException a String cannot throw
    return r.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(r.bodyText());
  }

  private static HttpResponse ok() {
    return json(200, MAPPER.createObjectNode().put("ok", true));
  }

  private static HttpResponse json(int status, JsonNode node) {
    return FlyJson.response(status, node);
  }
}
