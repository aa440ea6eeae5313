package io.artifact.flyemu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackComponent;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.PlatformException;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.http.Routes;
import io.artifact.flyemu.net.FaultProxies;
import java.util.Map;

/**
 * The emulator's own control surface, for faults Fly itself cannot inject: its own listener,
 * every route under {@code /__emulator}, never mixed into the Machines API. Guarded by the
 * platform's token. {@code FaultPort} is its only client.
 */
public final class EmulatorAdmin implements StackComponent, HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Routes routes = new Routes();
  private FlyPlatform fly;
  private BootFaults bootFaults;
  private HttpListener listener;

  public EmulatorAdmin() {
    routes
        .on("POST", "/__emulator/apps/{app}/machines/{id}/kill", (r, p) -> kill(r, p))
        .on("POST", "/__emulator/apps/{app}/faults/kill-on-boot", (r, p) -> armKillOnBoot(r, p.get("app")))
        .on("DELETE", "/__emulator/apps/{app}/faults", (r, p) -> json(200, Map.of("disarmed", bootFaults.disarm(p.get("app")))));
  }

  @Override
  public void start(EmbeddedStack stack) {
    fly = stack.platform();
    bootFaults = new BootFaults(fly);
    fly.services().register(BootFaults.class, bootFaults);
    if (fly.services().has(FaultProxies.class)) ToxiproxyApi.register(routes, fly.services().get(FaultProxies.class));
    listener = stack.listen(HttpListener.start("emulator-admin", this));
  }

  @Override
  public Map<String, String> endpoints() {
    if (!fly.services().has(FaultProxies.class)) return Map.of("emulator_admin", listener.baseUrl());
    return Map.of("emulator_admin", listener.baseUrl(), "network_faults", listener.baseUrl() + ToxiproxyApi.PREFIX);
  }

  @Override
  public void close() {}

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    try {
      String auth = request.header("authorization").orElse("");
      fly.authenticate(auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null);
      return routes.dispatch(request, r -> json(404, Map.of("error", "no emulator route " + r.method() + " " + r.path())));
    } catch (PlatformException e) {
      int status = switch (e.kind()) {
        case UNAUTHORIZED -> 401;
        case NOT_FOUND -> 404;
        default -> 400;
      };
      return json(status, Map.of("error", e.getMessage()));
    }
  }

  private HttpResponse kill(HttpRequest r, Map<String, String> p) throws Exception {
    Machine m = fly.machine(p.get("app"), p.get("id"));
    m.kill(body(r).path("reason").asText("killed through the emulator"));
    return json(200, Map.of("ok", true, "state", m.state().wire()));
  }

  private HttpResponse armKillOnBoot(HttpRequest r, String app) throws Exception {
    fly.app(app);
    JsonNode b = body(r);
    String value = b.path("metadata_value").asText("");
    if (value.isEmpty()) throw PlatformException.invalid("metadata_value is required");
    bootFaults.arm(new BootFaults.Armed(app, b.path("metadata_key").asText("dc_computer_id"), value,
        b.path("reason").asText("killed mid-boot")));
    return json(200, Map.of("armed", true));
  }

  private static JsonNode body(HttpRequest r) throws Exception {
    return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private static HttpResponse json(int status, Object value) {
    try {
      return HttpResponse.json(status, JSON.writeValueAsString(value));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
