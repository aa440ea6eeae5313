package io.artifact.flyemu.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.nfs.ImageRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link WorkerPool} over the Machines API, with exec's {@code DC_FLY_API_TOKEN} (stack-contract.md §3.5). */
public final class FlyMachinesClient implements WorkerPool {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final String base;
  private final String app;
  private final String token;
  private final Map<String, String> workerEnv;

  public FlyMachinesClient(HttpClient http, String apiUrl, String app, String token, Map<String, String> workerEnv) {
    this.http = http;
    this.base = apiUrl.replaceAll("/+$", "") + "/v1/apps/" + app + "/machines";
    this.app = app;
    this.token = token;
    this.workerEnv = Map.copyOf(workerEnv);
  }

  @Override
  public Map<String, String> machineStates() {
    Map<String, String> states = new LinkedHashMap<>();
    call("GET", "", null, 200).forEach(m -> states.put(m.path("id").asText(), m.path("state").asText()));
    return states;
  }

  @Override
  public void start(String machineId) {
    call("POST", "/" + machineId + "/start", null, 200);
  }

  @Override
  public String create(String computer, ImageRecord record) {
    JsonNode m = call("POST", "", WorkerMachineConfig.body(computer, record, workerEnv).toString(), 200);
    String id = m.path("id").asText("");
    if (id.isEmpty()) throw new FlyApiException("Fly Machines API did not return a machine id");
    return id;
  }

  @Override
  public void destroy(String machineId) {
    try {
      call("DELETE", "/" + machineId + "?force=true", null, 200);
    } catch (FlyApiException e) {
      if (!e.getMessage().contains(" 404 ")) throw e;
    }
  }

  @Override
  public Optional<String> state(String machineId) {
    try {
      return Optional.of(call("GET", "/" + machineId, null, 200).path("state").asText());
    } catch (FlyApiException e) {
      if (e.getMessage().contains(" 404 ")) return Optional.empty();
      throw e;
    }
  }

  private JsonNode call(String method, String path, String body, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (body != null) b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new FlyApiException(method + " machines of " + app + path + ": " + " " + r.statusCode() + " " + r.body());
      }
      return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new FlyApiException("Machines API unreachable (" + method + " " + app + path + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyApiException("interrupted calling the Machines API", e);
    }
  }
}
