package io.artifact.flyemu.external;

import io.artifact.flyemu.fly.Check;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The program of an {@code external+http://host:port} image: a process run outside the emulator
 * (the real router, say) that sits behind the embedded edge and private network exactly as behind
 * Fly Proxy. Every request is forwarded to it as is and its answer passed back as is, so a
 * fly-replay it answers is performed by the edge. The Machine is started once the URL accepts TCP
 * connections, or ends its boot like a crash when it does not within the boot timeout.
 */
public final class ExternalProgram implements MachineProgram {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration PROBE = Duration.ofMillis(250);
  // Fly Proxy has no short request timeout, and the router blocks for a whole reconcile (§2.6)
  private static final Duration READ = Duration.ofMinutes(2);

  private final URI url;
  private final Duration bootTimeout;
  private final HttpForwarder forwarder = new HttpForwarder(Duration.ofSeconds(5), READ);
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile MachineRuntime runtime;

  public ExternalProgram(ImageRef ref, Duration bootTimeout) {
    this.url = ref.externalUrl().orElseThrow(() -> new IllegalArgumentException("not an external image: " + ref.raw()));
    this.bootTimeout = bootTimeout;
  }

  @Override
  public void boot(MachineRuntime rt) {
    this.runtime = rt;
    rt.log("forwarding to the external process at " + url + "; waiting for it to accept connections");
    poll(rt.scheduler().now().plus(bootTimeout));
  }

  /** Polls on the scheduler instead of blocking boot, which runs on the platform's few scheduler threads. */
  private void poll(Instant deadline) {
    if (ready.isDone()) return;
    if (accepts()) {
      runtime.log("external process at " + url + " accepts connections");
      ready.complete(null);
    } else if (!runtime.scheduler().now().isBefore(deadline)) {
      ready.completeExceptionally(new IllegalStateException(
          "external process at " + url + " did not accept connections within " + bootTimeout.toMillis() + " ms"));
    } else {
      runtime.scheduler().schedule(POLL, () -> poll(deadline));
    }
  }

  @Override
  public CompletionStage<Void> ready() {
    return ready;
  }

  @Override
  public HttpResponse serve(HttpRequest request) {
    try {
      HttpResponse response = forwarder.forward(url, request);
      runtime.log(request.method() + " " + request.path() + " " + response.status());
      return response;
    } catch (IOException | RuntimeException e) {
      runtime.logError(request.method() + " " + request.path() + " 502 (external process at " + url + ": " + e.getMessage() + ")");
      return HttpResponse.text(502, "external process at " + url + " did not answer: " + e.getMessage())
          .withHeader("x-e2e-network-error", "unreachable");
    }
  }

  @Override
  public List<Check> checks() {
    return List.of(accepts() ? Check.passing("external", url + " accepts connections")
        : Check.critical("external", url + " refuses connections"));
  }

  @Override
  public void shutdown() {
    ready.cancel(false); // stops the polling of a boot nobody waits for any more
  }

  private boolean accepts() {
    int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(url.getHost(), port), (int) PROBE.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
