package io.artifact.e2e.flyctl;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A private port of an app on localhost: {@code fly proxy <local>:<remote> [remote_host] -a <app>
 * --watch-stdin -q} as a child process (fly-facts.md §11). One per run, since a tunnel costs
 * seconds; {@code --watch-stdin} ends it if the run dies without closing it, and {@link #close()}
 * stops it (stdin closed, then destroy, then destroyForcibly) with everything it started.
 */
public final class FlyProxyTunnel implements AutoCloseable {

  /** Where fly proxy binds by default (fly-facts.md §11); a literal, never ::1 or a DNS lookup. */
  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration CONNECT = Duration.ofMillis(200);

  private final Flyctl fly;
  private final Flyctl.Started call;
  private final int localPort;
  private final List<ProcessHandle> tree = new ArrayList<>();
  private boolean closed;

  private FlyProxyTunnel(Flyctl fly, Flyctl.Started call, int localPort) {
    this.fly = fly;
    this.call = call;
    this.localPort = localPort;
  }

  /**
   * Opens the tunnel and waits at most {@code bound} until 127.0.0.1:{@code localPort()} accepts.
   * {@code remoteHost} may be null (flyctl then uses {@code <app>.internal}).
   */
  public static FlyProxyTunnel open(Flyctl fly, String app, int remotePort, String remoteHost, Duration bound) {
    int local = freeLocalPort();
    List<String> args = new ArrayList<>(List.of("proxy", local + ":" + remotePort));
    if (remoteHost != null) args.add(remoteHost);
    args.addAll(List.of("-a", app, "--watch-stdin", "-q"));
    FlyProxyTunnel tunnel = new FlyProxyTunnel(fly, fly.start(args), local);
    tunnel.awaitOpen(bound);
    return tunnel;
  }

  public int localPort() {
    return localPort;
  }

  /** {@code http://127.0.0.1:<local>}, for HTTP through the tunnel. */
  public String baseUrl() {
    return "http://127.0.0.1:" + localPort;
  }

  private void awaitOpen(Duration bound) {
    Process p = call.process();
    try {
      await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(POLL)
          .until(() -> !p.isAlive() || accepts(localPort));
    } catch (ConditionTimeoutException e) {
      fly.record(call.command(), "did not open within " + CommandLine.human(bound), call.began());
      stop(false);
      throw FlyctlException.failed(call.command(), "did not open 127.0.0.1:" + localPort + " within " + CommandLine.human(bound));
    }
    if (!p.isAlive()) {
      String output = fly.redact(call.output().text(Flyctl.GRACE));
      int code = p.exitValue();
      fly.record(call.command(), "exit " + code + " before the port opened", call.began());
      stop(false);
      throw FlyctlException.failed(call.command(), "exited " + code + " before 127.0.0.1:" + localPort
          + " opened (bound " + CommandLine.human(bound) + "): " + FlyctlException.summary(output));
    }
    tree.addAll(ProcessTree.of(p)); // now, while the child is alive and its descendants findable
    fly.record(call.command(), "open on 127.0.0.1:" + localPort, call.began());
  }

  /** Stops the tunnel and whatever it started; idempotent. */
  @Override
  public void close() {
    if (stop(true)) fly.record(call.command(), "closed", call.began());
  }

  /** Politely: stdin closed first ({@code --watch-stdin} ends flyctl), then destroy. False if already stopped. */
  private synchronized boolean stop(boolean polite) {
    if (closed) return false;
    closed = true;
    Process p = call.process();
    List<ProcessHandle> all = new ArrayList<>(tree);
    if (p.isAlive()) all.addAll(ProcessTree.of(p));
    try {
      p.getOutputStream().close();
    } catch (IOException e) {
      // already closed: destroy does the rest
    }
    if (!polite || !ProcessTree.awaitExit(all, Flyctl.GRACE)) ProcessTree.stop(all, p, Flyctl.GRACE);
    return true;
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(LOOPBACK, port), (int) CONNECT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freeLocalPort() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(LOOPBACK, 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free local port for fly proxy: " + e.getMessage(), e);
    }
  }
}
