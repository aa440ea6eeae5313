package io.artifact.e2e.fly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.e2e.fly.FlyHttp.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link FlyPort} over the Machines REST API (JDK HTTP client, see {@link FlyHttp}): used as is against the embedded
 * platform and against {@code https://api.machines.dev}. Transient failures (408, 429, 5xx, a
 * 404 right after a create) are retried by one {@link RetryPolicy} (backoff with jitter, Retry-After
 * honoured) within the profile's {@code timeouts.api-retry}; every call is reported to the recorder as one line (method, path, status, time), bodies of failures included.
 */
public final class FlyMachinesRest implements FlyPort {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(75);

  private final String apiUrl;
  private final String logsUrl;
  private final String token;
  private final RetryPolicy retry;
  private final Duration bootBound;
  private final Consumer<String> recorder;
  private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();
  private final FlyHttp http = new FlyHttp(CALL_TIMEOUT);
  /** A bound on one log read (Fly serves pages of about a hundred lines). */
  private static final int MAX_LOG_PAGES = 1000;

  public FlyMachinesRest(String apiUrl, String logsUrl, String token, Duration retryBound, Duration bootBound, Consumer<String> recorder) {
    this.apiUrl = apiUrl;
    this.logsUrl = logsUrl;
    this.token = token;
    this.retry = RetryPolicy.within(retryBound, CALL_TIMEOUT);
    this.bootBound = bootBound;
    this.recorder = recorder;
  }

  // ---- apps ----

  @Override
  public AppInfo createApp(String name, String org) {
    JsonNode n = call("create app", name, null, () -> api().body(Map.of("name", name, "org_slug", org)).post("/v1/apps"));
    return app(n);
  }

  @Override
  public Optional<AppInfo> findApp(String name) {
    try {
      return Optional.of(app(call("get app", name, null, () -> api().get("/v1/apps/{app}", name))));
    } catch (FlyApiException e) {
      if (e.status() == 404) return Optional.empty();
      throw e;
    }
  }

  @Override
  public List<AppInfo> listApps(String org) {
    JsonNode n = call("list apps of org", org, null, () -> api().queryParam("org_slug", org).get("/v1/apps"));
    List<AppInfo> apps = new java.util.ArrayList<>();
    n.path("apps").forEach(a -> apps.add(app(a)));
    return apps;
  }

  @Override
  public void destroyApp(String name) {
    try {
      call("destroy app", name, null, () -> api().queryParam("force", true).delete("/v1/apps/{app}", name));
    } catch (FlyApiException e) {
      if (e.status() != 404) throw e;
    }
  }

  // ---- machines ----

  @Override
  public List<MachineInfo> listMachines(String app) {
    JsonNode arr = call("list Machines", app, null, () -> api().get("/v1/apps/{app}/machines", app));
    List<MachineInfo> out = new ArrayList<>();
    arr.forEach(n -> out.add(MachineInfo.from(n)));
    return out;
  }

  @Override
  public MachineInfo machine(String app, String machineId) {
    return MachineInfo.from(call("get", app, machineId, () -> api().get("/v1/apps/{app}/machines/{id}", app, machineId)));
  }

  @Override
  public MachineInfo createMachine(String app, MachineSpec spec) {
    ObjectNode body = JSON.createObjectNode();
    if (spec.name() != null) body.put("name", spec.name());
    if (spec.region() != null) body.put("region", spec.region());
    body.set("config", spec.machineConfig());
    MachineInfo m = MachineInfo.from(call("create Machine", app, null, () -> api().body(body).post("/v1/apps/{app}/machines", app)));
    createdAt.put(m.id(), Instant.now());
    return m;
  }

  @Override
  public MachineInfo updateMachine(String app, String machineId, MachineSpec spec) {
    ObjectNode body = JSON.createObjectNode();
    body.set("config", spec.machineConfig());
    return MachineInfo.from(call("update", app, machineId, () -> api().body(body).post("/v1/apps/{app}/machines/{id}", app, machineId)));
  }

  @Override
  public MachineInfo updateMachineConfig(String app, String machineId, JsonNode config) {
    ObjectNode body = JSON.createObjectNode();
    body.set("config", config.deepCopy());
    return MachineInfo.from(call("update", app, machineId, () -> api().body(body).post("/v1/apps/{app}/machines/{id}", app, machineId)));
  }

  @Override
  public void startMachine(String app, String machineId) {
    call("start", app, machineId, () -> api().post("/v1/apps/{app}/machines/{id}/start", app, machineId));
  }

  @Override
  public void stopMachine(String app, String machineId) {
    call("stop", app, machineId, () -> api().body(JSON.createObjectNode()).post("/v1/apps/{app}/machines/{id}/stop", app, machineId));
  }

  @Override
  public void suspendMachine(String app, String machineId) {
    call("suspend", app, machineId, () -> api().post("/v1/apps/{app}/machines/{id}/suspend", app, machineId));
  }

  @Override
  public void destroyMachine(String app, String machineId, boolean force) {
    call("destroy", app, machineId, () -> api().queryParam("force", force).delete("/v1/apps/{app}/machines/{id}", app, machineId));
  }

  @Override
  public MachineInfo awaitState(String app, String machineId, String state, Duration bound) {
    Instant deadline = Instant.now().plus(bound);
    // a 408 already waited server-side and is asked again at once; 429/5xx back off, all within the wait's own bound
    boolean reached = retry.run("wait for " + state, bound, true, () -> {
      long leftMs = Duration.between(Instant.now(), deadline).toMillis();
      int timeout = (int) Math.max(1, Math.min(60, (leftMs + 999) / 1000)); // Fly enforces 1–60 s per wait call
      Response r = send("wait " + state, () -> api().queryParam("state", state).queryParam("timeout", timeout)
          .get("/v1/apps/{app}/machines/{id}/wait", app, machineId));
      int s = r.statusCode();
      if (s == 200) return new RetryPolicy.Attempt.Done<>(true);
      if (s == 404 && state.equals("destroyed")) return new RetryPolicy.Attempt.Done<>(false); // already reaped counts as destroyed
      boolean spent = !Instant.now().isBefore(deadline);
      String now = s == 408 && spent ? currentState(app, machineId) : null; // where it got to, asked once at the end
      FlyApiException failure = new FlyApiException("wait for " + state + " (bound " + bound.toMillis() + " ms"
          + (now == null ? "" : ", still " + now) + ") of", app, machineId, s, error(r));
      boolean retryable = failure.transientFailure() || (s == 404 && recentlyCreated(machineId));
      if (!retryable || (s == 408 && spent)) throw failure;
      return new RetryPolicy.Attempt.Again<>(failure, r.endpoint(), RetryPolicy.retryAfter(r.retryAfter()), s == 408);
    });
    return reached ? machine(app, machineId) : null;
  }

  // ---- secrets, volumes, certificates ----

  @Override
  public void setSecrets(String app, Map<String, String> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode v = body.putObject("values");
    values.forEach((k, val) -> {
      if (val == null) v.putNull(k);
      else v.put(k, val);
    });
    call("set secrets " + String.join(",", values.keySet()) + " of", app, null,
        () -> api().body(body).post("/v1/apps/{app}/secrets", app));
    // flyctl then redeploys every Machine so it boots with the new values (fly-facts.md §5.2)
    for (MachineInfo m : listMachines(app)) {
      if (m.state().equals("destroyed") || m.state().equals("destroying")) continue;
      updateRaw(app, m);
      awaitState(app, m.id(), "started", bootBound);
    }
  }

  @Override
  public List<String> secretNames(String app) {
    List<String> names = new ArrayList<>();
    call("list secrets of", app, null, () -> api().get("/v1/apps/{app}/secrets", app)).path("secrets")
        .forEach(s -> names.add(s.path("name").asText()));
    return names;
  }

  @Override
  public Map<String, String> secretDigests(String app) {
    Map<String, String> digests = new java.util.TreeMap<>();
    call("list secrets of", app, null, () -> api().get("/v1/apps/{app}/secrets", app)).path("secrets")
        .forEach(s -> digests.put(s.path("name").asText(), s.path("digest").asText()));
    return digests;
  }

  @Override
  public VolumeInfo createVolume(String app, String name, String region, int sizeGb) {
    JsonNode n = call("create volume " + name + " in", app, null, () -> api()
        .body(Map.of("name", name, "region", region, "size_gb", sizeGb)).post("/v1/apps/{app}/volumes", app));
    return VolumeInfo.from(n);
  }

  @Override
  public List<VolumeInfo> listVolumes(String app) {
    JsonNode n = call("list volumes of", app, null, () -> api().get("/v1/apps/{app}/volumes", app));
    List<VolumeInfo> out = new ArrayList<>();
    n.forEach(v -> out.add(VolumeInfo.from(v)));
    return out;
  }

  @Override
  public void addCertificate(String app, String hostname) {
    call("add certificate " + hostname + " to", app, null, () -> api().body(Map.of("hostname", hostname))
        .post("/v1/apps/{app}/certificates/acme", app));
  }

  @Override
  public List<LogLine> logs(String app, String machineId, int max) {
    // pages run oldest to newest; on a long-lived app the recent lines are on the last pages, so read to
    // the end (as fly logs --no-tail does) and keep the newest max
    Deque<LogLine> out = new ArrayDeque<>();
    String token = "";
    for (int page = 0; page < MAX_LOG_PAGES; page++) {
      String next = token;
      JsonNode n = call("read logs of", app, machineId, () -> {
        FlyHttp.Request r = http.to(logsUrl, authorization()).queryParam("next_token", next);
        if (machineId != null) r.queryParam("instance", machineId);
        return r.get("/api/v1/apps/{app}/logs", app);
      });
      JsonNode data = n.path("data");
      if (data.isEmpty()) break; // fly logs --no-tail stops here; it never tails
      data.forEach(d -> {
        JsonNode a = d.path("attributes");
        out.addLast(new LogLine(a.path("timestamp").asText(), a.path("instance").asText(), a.path("region").asText(),
            a.path("level").asText(), a.path("message").asText()));
        if (out.size() > max) out.removeFirst();
      });
      String following = n.path("meta").path("next_token").asText("");
      if (following.isEmpty() || following.equals(token)) break;
      token = following;
    }
    return List.copyOf(out);
  }

  // ---- plumbing ----

  private void updateRaw(String app, MachineInfo m) {
    ObjectNode body = JSON.createObjectNode();
    body.set("config", m.raw().path("config").deepCopy());
    call("update", app, m.id(), () -> api().body(body).post("/v1/apps/{app}/machines/{id}", app, m.id()));
  }

  private FlyHttp.Request api() {
    return http.to(apiUrl, authorization());
  }

  /** flyctl sends macaroons as {@code FlyV1}, other tokens as {@code Bearer} (fly-facts.md §1). */
  private String authorization() {
    return token.startsWith("fm1") || token.startsWith("fm2") ? "FlyV1 " + token : "Bearer " + token;
  }

  private JsonNode call(String operation, String app, String machineId, Supplier<Response> request) {
    return retry.run(operation, () -> {
      Response r;
      FlyApiException failure;
      try {
        r = send(operation, request);
        int s = r.statusCode();
        if (s >= 200 && s < 300) return new RetryPolicy.Attempt.Done<>(body(r));
        failure = new FlyApiException(operation, app, machineId, s, error(r));
        if (!failure.transientFailure() && !(s == 404 && machineId != null && recentlyCreated(machineId))) throw failure;
        return new RetryPolicy.Attempt.Again<>(failure, r.endpoint(), RetryPolicy.retryAfter(r.retryAfter()), false);
      } catch (FlyApiException e) {
        throw e;
      } catch (RuntimeException e) { // connection reset or refused: transient
        failure = new FlyApiException(operation, app, machineId, 0, "cannot reach " + apiUrl + ": " + e.getMessage());
        return new RetryPolicy.Attempt.Again<>(failure, apiUrl, java.util.Optional.empty(), false);
      }
    });
  }

  private Response send(String operation, Supplier<Response> request) {
    long t0 = System.nanoTime();
    Response r = request.get();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String line = operation + " → " + r.statusCode() + " (" + ms + " ms)";
    if (r.statusCode() >= 400) line += " " + r.asString();
    recorder.accept(line);
    return r;
  }

  private boolean recentlyCreated(String machineId) {
    Instant at = createdAt.get(machineId);
    return at != null && Duration.between(at, Instant.now()).compareTo(retry.bound()) < 0;
  }

  private String currentState(String app, String machineId) {
    try {
      return machine(app, machineId).state();
    } catch (FlyApiException e) {
      return null;
    }
  }

  private static JsonNode body(Response r) {
    String s = r.asString();
    if (s == null || s.isBlank()) return JSON.createObjectNode();
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new FlyApiException("decode response", null, null, r.statusCode(), "not JSON: " + s);
    }
  }

  private static String error(Response r) {
    String s = r.asString();
    try {
      JsonNode n = JSON.readTree(s);
      if (n.hasNonNull("message")) return n.get("message").asText();
      if (n.hasNonNull("error")) return n.get("error").asText();
    } catch (Exception ignored) {
      // not JSON: fall through to the raw text
    }
    return s == null || s.isBlank() ? "(empty body)" : s;
  }

  private static AppInfo app(JsonNode n) {
    return new AppInfo(n.path("name").asText(), n.path("status").asText(), n.path("organization").path("slug").asText());
  }
}
