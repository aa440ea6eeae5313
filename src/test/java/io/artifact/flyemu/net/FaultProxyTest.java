package io.artifact.flyemu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackOrg;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.emulator.EmulatorAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The private network's fault proxy through Toxiproxy's API on the admin listener: traffic to exec
 * passes the proxy only while a toxic is set; latency delays it, reset_peer and timeout drop the
 * connection under the caller (an I/O error, not a status).
 */
class FaultProxyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  EmbeddedStack stack;
  StackOrg org;
  String api;
  final HttpClient admin = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    stack = EmbeddedStack.start(StackSettings.defaults("admin-token"), List.of(new EmulatorAdmin()));
    org = new StackOrg(stack, "org5").provisionExec("latest", Map.of());
    api = stack.endpoints().get("network_faults");
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  HttpResponse<String> control(String method, String path, String body) throws Exception {
    return admin.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer admin-token")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** As the router kicks exec: over the private network by exec's Flycast name. */
  HttpResponse<String> kick() throws Exception {
    return stack.platform().services().get(NetworkClient.class).post("http://" + org.exec + ".flycast/changed/nobody", null, Duration.ofSeconds(5));
  }

  JsonNode proxy() throws Exception {
    return JSON.readTree(control("GET", "/proxies/exec", null).body());
  }

  @Test
  void trafficPassesTheProxyOnlyWhileAToxicIsSet() throws Exception {
    assertThat(control("POST", "/proxies", "{\"name\":\"exec\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + org.exec + ".flycast:80\"}").statusCode())
        .isEqualTo(201);
    assertThat(kick().statusCode()).as("exec's own answer for an unknown computer").isEqualTo(404);
    assertThat(proxy().path("e2e_connections").asLong()).isZero();

    control("POST", "/proxies/exec/toxics", "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":{\"latency\":300}}");
    long t0 = System.nanoTime();
    assertThat(kick().statusCode()).isEqualTo(404);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(proxy().path("toxics").get(0).path("e2e_connections_hit").asLong()).isEqualTo(1);

    assertThat(control("DELETE", "/proxies/exec/toxics/slow", null).statusCode()).isEqualTo(204);
    kick();
    assertThat(proxy().path("e2e_connections").asLong()).as("not routed once the toxic is gone").isEqualTo(1);
  }

  @Test
  void resetPeerAndTimeoutDropTheConnectionWithNoAnswer() throws Exception {
    control("POST", "/proxies", "{\"name\":\"exec\",\"upstream\":\"" + org.exec + ".flycast:80\"}");
    control("POST", "/proxies/exec/toxics", "{\"name\":\"reset\",\"type\":\"reset_peer\",\"stream\":\"upstream\",\"toxicity\":1.0}");
    assertThatThrownBy(this::kick).isInstanceOf(IOException.class);

    control("DELETE", "/proxies/exec/toxics/reset", null);
    control("POST", "/proxies/exec/toxics", "{\"name\":\"stall\",\"type\":\"timeout\",\"attributes\":{\"timeout\":200}}");
    long t0 = System.nanoTime();
    assertThatThrownBy(this::kick).isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

    assertThat(control("POST", "/reset", null).statusCode()).isEqualTo(204);
    assertThat(kick().statusCode()).isEqualTo(404);
  }

  @Test
  void aFractionOfConnectionsIsHitEvenlyStartingWithTheFirst() throws Exception {
    control("POST", "/proxies", "{\"name\":\"exec\",\"upstream\":\"" + org.exec + ".flycast:80\"}");
    control("POST", "/proxies/exec/toxics", "{\"name\":\"drop\",\"type\":\"reset_peer\",\"toxicity\":0.75}");
    List<String> outcomes = IntStream.range(0, 8).mapToObj(i -> {
      try {
        return String.valueOf(kick().statusCode());
      } catch (Exception e) {
        return "reset";
      }
    }).toList();
    assertThat(outcomes).containsExactly("reset", "reset", "reset", "404", "reset", "reset", "reset", "404");
  }

  @Test
  void mistakesAreToxiproxysErrors() throws Exception {
    assertThat(control("POST", "/proxies", "{\"name\":\"exec\"}").body()).contains("upstream is required").contains("\"status\":400");
    control("POST", "/proxies", "{\"name\":\"exec\",\"upstream\":\"" + org.exec + ".flycast:80\"}");
    assertThat(control("POST", "/proxies", "{\"name\":\"exec\",\"upstream\":\"x.flycast:80\"}").statusCode()).isEqualTo(409);
    assertThat(control("POST", "/proxies/exec/toxics", "{\"type\":\"packet_loss\"}").body()).contains("unknown toxic type");
    assertThat(control("POST", "/proxies", "{\"name\":\"far\",\"listen\":\"10.0.0.1:80\",\"upstream\":\"x.flycast:80\"}").body())
        .contains("loopback");
    assertThat(control("DELETE", "/proxies/nope", null).statusCode()).isEqualTo(404);
    assertThat(Toxic.TYPES).containsExactlyInAnyOrder("latency", "timeout", "reset_peer");
  }
}
