package io.artifact.e2e.flyctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.exec.ExecPort;
import io.artifact.e2e.exec.ExecRefused;
import io.artifact.e2e.nfs.NfsLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@link ExecPort} on a real org: exec's {@code POST /changed/<computer>} (stack-contract.md §3.1)
 * through a {@link FlyProxyTunnel} to its private port. The tunnel belongs to the run (one per run,
 * fly-facts.md §11); this adapter only uses it.
 */
public final class TunnelledExec implements ExecPort {

  /** Exec listens on {@code ${PORT:-8080}} on its Machine (stack-contract.md §3). */
  public static final int EXEC_PORT = 8080;
  /** Its Flycast service port: the router's way in, and Fly Proxy autostarts a suspended exec (§3, §4.1). */
  public static final int FLYCAST_PORT = 80;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FlyProxyTunnel tunnel;
  private final Duration timeout;
  private final Consumer<String> transcript;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public TunnelledExec(FlyProxyTunnel tunnel, Duration timeout, Consumer<String> transcript) {
    this.tunnel = tunnel;
    this.timeout = timeout;
    this.transcript = transcript;
  }

  /** A tunnel to port 8080 of the first Machine {@code <app>.internal} names; a suspended exec stays asleep. */
  public static FlyProxyTunnel machineTunnel(Flyctl fly, String execApp, Duration bound) {
    return FlyProxyTunnel.open(fly, execApp, EXEC_PORT, null, bound);
  }

  /** A tunnel to {@code <app>.flycast:80}, the router's path; it wakes a suspended exec Machine. */
  public static FlyProxyTunnel flycastTunnel(Flyctl fly, String execApp, Duration bound) {
    return FlyProxyTunnel.open(fly, execApp, FLYCAST_PORT, execApp + ".flycast", bound);
  }

  @Override
  public Answer notifyAnyway(String computer) {
    String url = tunnel.baseUrl() + "/changed/" + NfsLayout.requireId("computer", computer);
    HttpResponse<String> r = post(url);
    transcript.accept("POST " + url + " → " + r.statusCode() + " " + r.body());
    return Answer.of(r);
  }

  @Override
  public int notifyChanged(String computer) {
    Answer r = notifyAnyway(computer);
    if (r.status() != 200) {
      throw new ExecRefused(computer, r.status(), r.body());
    }
    try {
      JsonNode count = JSON.readTree(r.body()).path("changeCount");
      if (count.isInt()) return count.asInt();
    } catch (IOException e) {
      // reported below with the body
    }
    throw new IllegalStateException("exec answered 200 without an integer changeCount for " + computer + ": " + r.body());
  }

  private HttpResponse<String> post(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("exec unreachable through the tunnel at " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted notifying exec", e);
    }
  }
}
