package io.artifact.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.world.CleanupLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Network perturbation on router→exec traffic (runbook Phase 4, capability {@code faults:network})
 * through a Toxiproxy HTTP API: the embedded stack's ({@code network_faults} on its admin listener)
 * or a real Toxiproxy in front of exec's Flycast address. A proxy named after the exec app stands in
 * front of {@code <exec>.flycast:80}; each toxic goes through the {@link FaultRecord}, and its undo
 * keeps what the toxic did (connections seen and hit) as evidence before removing it.
 */
public final class NetworkFaults {

  /** What to put on the link: Toxiproxy's type, stream, toxicity and attributes (milliseconds). */
  public record Toxic(String name, String type, String stream, double toxicity, Map<String, Long> attributes) {

    public static Toxic latency(long millis) {
      return new Toxic("latency_downstream", "latency", "downstream", 1.0, Map.of("latency", millis));
    }

    /** Connections reset before any data passes, {@code toxicity} of them (evenly spread on the embedded stack). */
    public static Toxic resetPeer(double toxicity) {
      return new Toxic("reset_peer_upstream", "reset_peer", "upstream", toxicity, Map.of("timeout", 0L));
    }

    /** Ops' words for a bad link: "300 ms of latency", "resets on 3 in 4 connections", "resets on every connection". */
    public static Toxic parse(String words) {
      java.util.regex.Matcher m;
      String w = words.strip();
      if ((m = java.util.regex.Pattern.compile("(\\d+) ms of latency").matcher(w)).matches()) return latency(Long.parseLong(m.group(1)));
      if ((m = java.util.regex.Pattern.compile("resets on (\\d+) in (\\d+) connections").matcher(w)).matches()) {
        return resetPeer(Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)));
      }
      if (w.equals("resets on every connection")) return resetPeer(1.0);
      throw new IllegalArgumentException("no network fault '" + words + "'; say e.g. '300 ms of latency', 'resets on 3 in 4 connections', "
          + "'resets on every connection'");
    }

    String describe() {
      return type + " " + attributes + (toxicity < 1 ? " on " + Math.round(toxicity * 100) + "% of connections" : " on every connection");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String api;
  private final Optional<String> token;
  private final FaultRecord record;
  private final CleanupLedger ledger;
  private final Evidence evidence;
  private final Consumer<String> transcript;

  /** {@code token} only for the emulator's admin surface: a Toxiproxy has no auth and must not see one. */
  public NetworkFaults(String api, Optional<String> token, FaultRecord record, CleanupLedger ledger, Evidence evidence,
      Consumer<String> transcript) {
    this.api = api.replaceAll("/+$", "");
    this.token = token;
    this.record = record;
    this.ledger = ledger;
    this.evidence = evidence;
    this.transcript = transcript;
  }

  /** Puts {@code toxic} on the traffic to exec's Flycast address; removed again at teardown (or on revert). */
  public FaultRecord.Fault onTrafficTo(String execApp, Toxic toxic) {
    String proxy = ensureProxy(execApp);
    String body = json(Map.of("name", toxic.name(), "type", toxic.type(), "stream", toxic.stream(), "toxicity", toxic.toxicity(),
        "attributes", toxic.attributes()));
    return record.inject("router→exec traffic: " + toxic.describe() + " (toxic " + toxic.name() + ")", proxy + " → " + execApp + ".flycast:80",
        "remove toxic " + toxic.name() + " (what it did attached)", () -> {
          evidence.json("fault-proxy-" + proxy + ".json", proxy(proxy));
          call("DELETE", "/proxies/" + proxy + "/toxics/" + toxic.name(), null, 204, 404);
        }, () -> call("POST", "/proxies/" + proxy + "/toxics", body, 200));
  }

  /** The proxy as its API shows it (toxics with what each did), or an empty object if there is none. */
  public JsonNode proxy(String name) throws IOException {
    return JSON.readTree(call("GET", "/proxies/" + name, null, 200, 404));
  }

  /** Steady state: toxics still on the exec app's proxy, one finding each. */
  public List<String> toxicsLeft(String execApp) {
    List<String> left = new ArrayList<>();
    try {
      proxy(execApp).path("toxics").forEach(t -> left.add("network: toxic " + t.path("name").asText() + " (" + t.path("type").asText()
          + ") is still on the traffic to " + execApp));
    } catch (IOException | RuntimeException e) {
      left.add("network: the fault proxy API at " + api + " cannot be read: " + e.getMessage());
    }
    return left;
  }

  private String ensureProxy(String execApp) {
    String upstream = execApp + ".flycast:80";
    String created = call("POST", "/proxies", json(Map.of("name", execApp, "listen", "127.0.0.1:0", "upstream", upstream, "enabled", true)), 201, 409);
    if (!created.contains("already exists")) ledger.register("delete fault proxy " + execApp, () -> call("DELETE", "/proxies/" + execApp, null, 204, 404));
    return execApp;
  }

  private String call(String method, String path, String body, int... ok) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      transcript.accept(method + " " + path + (body == null ? "" : " " + body) + " → " + r.statusCode() + " " + r.body());
      for (int s : ok) if (r.statusCode() == s) return r.statusCode() == 404 ? "{}" : r.body();
      throw new IllegalStateException("fault proxy API refused " + method + " " + path + ": " + r.statusCode() + " " + r.body());
    } catch (IOException e) {
      throw new IllegalStateException("fault proxy API unreachable at " + api + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling the fault proxy API", e);
    }
  }

  private static String json(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(new LinkedHashMap<>(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
