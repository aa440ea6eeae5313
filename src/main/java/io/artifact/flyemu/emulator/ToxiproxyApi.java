package io.artifact.flyemu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.http.Routes;
import io.artifact.flyemu.net.FaultProxies;
import io.artifact.flyemu.net.FaultProxy;
import io.artifact.flyemu.net.Toxic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The private network's fault proxies behind Toxiproxy's own HTTP API (proxies, toxics, reset), under
 * {@code /__emulator/toxiproxy} on the admin listener: a client written for Toxiproxy drives the
 * embedded stack the same way it would drive a Toxiproxy Machine in a real org. Errors are
 * Toxiproxy's {@code {"error", "status"}}. Toxics: {@code latency}, {@code timeout}, {@code reset_peer}.
 */
final class ToxiproxyApi {

  static final String PREFIX = "/__emulator/toxiproxy";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FaultProxies proxies;

  private ToxiproxyApi(FaultProxies proxies) {
    this.proxies = proxies;
  }

  static void register(Routes routes, FaultProxies proxies) {
    ToxiproxyApi api = new ToxiproxyApi(proxies);
    routes
        .on("GET", PREFIX + "/version", (r, p) -> json(200, Map.of("version", "2.x-e2e")))
        .on("POST", PREFIX + "/reset", (r, p) -> api.reset())
        .on("GET", PREFIX + "/proxies", (r, p) -> api.list())
        .on("POST", PREFIX + "/proxies", (r, p) -> api.create(body(r)))
        .on("GET", PREFIX + "/proxies/{proxy}", (r, p) -> api.with(p.get("proxy"), x -> json(200, x.asJson())))
        .on("POST", PREFIX + "/proxies/{proxy}", (r, p) -> api.update(p.get("proxy"), body(r)))
        .on("DELETE", PREFIX + "/proxies/{proxy}", (r, p) -> proxies.delete(p.get("proxy")) ? HttpResponse.empty(204) : notFound("proxy"))
        .on("GET", PREFIX + "/proxies/{proxy}/toxics", (r, p) -> api.with(p.get("proxy"), x -> json(200, x.toxicsJson())))
        .on("POST", PREFIX + "/proxies/{proxy}/toxics", (r, p) -> api.addToxic(p.get("proxy"), body(r)))
        .on("DELETE", PREFIX + "/proxies/{proxy}/toxics/{toxic}", (r, p) -> api.with(p.get("proxy"),
            x -> x.remove(p.get("toxic")) ? HttpResponse.empty(204) : notFound("toxic")));
  }

  private HttpResponse list() {
    Map<String, Object> all = new LinkedHashMap<>();
    proxies.all().forEach(p -> all.put(p.name(), p.asJson()));
    return json(200, all);
  }

  private HttpResponse create(JsonNode b) {
    try {
      FaultProxy p = proxies.create(b.path("name").asText(null), b.path("listen").asText(null), b.path("upstream").asText(null),
          b.path("enabled").asBoolean(true));
      return json(201, p.asJson());
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    }
  }

  private HttpResponse update(String name, JsonNode b) {
    return with(name, p -> {
      if (b.has("enabled")) p.enabled(b.path("enabled").asBoolean());
      return json(200, p.asJson());
    });
  }

  private HttpResponse addToxic(String name, JsonNode b) {
    return with(name, p -> {
      Map<String, Long> attributes = new LinkedHashMap<>();
      b.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asLong()));
      try {
        Toxic t = p.add(new Toxic(b.path("name").asText(null), b.path("type").asText(""), b.path("stream").asText("downstream"),
            b.path("toxicity").asDouble(1.0), attributes));
        return json(200, t.asJson(0, 0));
      } catch (IllegalArgumentException e) {
        return error(400, e.getMessage());
      } catch (IllegalStateException e) {
        return error(409, e.getMessage());
      }
    });
  }

  private HttpResponse reset() {
    proxies.reset();
    return HttpResponse.empty(204);
  }

  private HttpResponse with(String name, java.util.function.Function<FaultProxy, HttpResponse> f) {
    return proxies.get(name).map(f).orElseGet(() -> notFound("proxy"));
  }

  private static JsonNode body(HttpRequest r) throws Exception {
    return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private static HttpResponse notFound(String what) {
    return error(404, what + " not found");
  }

  private static HttpResponse error(int status, String message) {
    return json(status, Map.of("error", message, "status", status));
  }

  private static HttpResponse json(int status, Object value) {
    try {
      return HttpResponse.json(status, JSON.writeValueAsString(value));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
