package io.artifact.e2e.bench;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machines API benchmark on the embedded stack, over loopback HTTP (not a test: it prints figures).
 * (a) create→started latency minus the image's configured boot delay; (b) list and get throughput
 * with concurrent clients. Run it with {@code bench/machines-api.sh [samples] [seconds] [threads]}.
 */
public final class MachinesApiBench {

  private static final String IMAGE = "registry.fly.io/fly-exec:doc";
  private static final Duration BOOT = Duration.ofMillis(50);
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{14})\"");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
  private final String base;
  private final String token;

  private MachinesApiBench(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    String token = "fo1_bench_" + UUID.randomUUID();
    StackSettings d = StackSettings.defaults(token);
    StackSettings settings = new StackSettings(Map.of("fly-exec", BOOT), d.defaultBootDelay(), d.stopDelay(),
        d.resumeDelay(), d.reapAfter(), d.autostartTimeout(), token, Map.of());
    try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
      MachinesApiBench bench = new MachinesApiBench(stack.machinesApiUrl(), token);
      bench.createToStarted(samples);
      bench.throughput(seconds, threads);
    }
  }

  // ---- (a) create → started ----

  private void createToStarted(int samples) throws Exception {
    send("POST", "/v1/apps", "{\"name\":\"bench-latency\",\"org_slug\":\"bench\"}", 201);
    for (int i = 0; i < 20; i++) createAndWait(); // warm-up, not counted
    double[] overheadMs = new double[samples];
    for (int i = 0; i < samples; i++) overheadMs[i] = createAndWait();
    Arrays.sort(overheadMs);
    System.out.printf("create->started minus %d ms boot delay, %d samples: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
        BOOT.toMillis(), samples, pct(overheadMs, 50), pct(overheadMs, 90), pct(overheadMs, 99), overheadMs[samples - 1]);
  }

  /** One create then a wait for started; returns the time beyond the boot delay, in ms. Destroys the Machine untimed. */
  private double createAndWait() throws Exception {
    long t0 = System.nanoTime();
    String created = send("POST", "/v1/apps/bench-latency/machines", "{\"config\":{\"image\":\"" + IMAGE + "\"}}", 200);
    Matcher m = ID.matcher(created);
    if (!m.find()) throw new IllegalStateException("no machine id in " + created);
    String id = m.group(1);
    send("GET", "/v1/apps/bench-latency/machines/" + id + "/wait?state=started&timeout=10", null, 200);
    double ms = (System.nanoTime() - t0) / 1e6 - BOOT.toMillis();
    send("DELETE", "/v1/apps/bench-latency/machines/" + id + "?force=true", null, 200);
    return ms;
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  // ---- (b) list and get throughput ----

  private void throughput(int seconds, int threads) throws Exception {
    send("POST", "/v1/apps", "{\"name\":\"bench-reads\",\"org_slug\":\"bench\"}", 201);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Matcher m = ID.matcher(send("POST", "/v1/apps/bench-reads/machines", "{\"config\":{\"image\":\"" + IMAGE + "\"}}", 200));
      if (!m.find()) throw new IllegalStateException("no machine id");
      ids.add(m.group(1));
    }
    for (String id : ids) send("GET", "/v1/apps/bench-reads/machines/" + id + "/wait?state=started&timeout=10", null, 200);
    run("list machines (10 in the app)", seconds, threads, n -> "/v1/apps/bench-reads/machines");
    run("get machine", seconds, threads, n -> "/v1/apps/bench-reads/machines/" + ids.get((int) (n % ids.size())));
  }

  private interface Target {
    String path(long n);
  }

  private void run(String what, int seconds, int threads, Target target) throws Exception {
    hammer(Duration.ofSeconds(3), threads, target, new LongAdder(), new LongAdder()); // warm-up: let the JIT settle
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    long t0 = System.nanoTime();
    long cpu0 = CPU.getProcessCpuTime();
    long server0 = serverCpuNanos();
    hammer(Duration.ofSeconds(seconds), threads, target, ok, failed);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    // CPU per request depends far less than requests/s on how busy a shared box is
    long n = Math.max(1, ok.sum());
    System.out.printf("%s, %d client threads, %.1f s: %.0f requests/s (%d ok, %d failed); CPU per request %.0f us, of which server %.0f us%n",
        what, threads, elapsed, ok.sum() / elapsed, ok.sum(), failed.sum(),
        (CPU.getProcessCpuTime() - cpu0) / 1e3 / n, (serverCpuNanos() - server0) / 1e3 / n);
  }

  /** CPU time of the Machines API listener's threads (Jetty names them after the listener). */
  private static long serverCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("e2e-machines-api")) sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
    }
    return sum;
  }

  private void hammer(Duration duration, int threads, Target target, LongAdder ok, LongAdder failed) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        long n = 0;
        while (System.nanoTime() < end) {
          try {
            HttpResponse<Void> r = http.send(request("GET", target.path(n++), null), HttpResponse.BodyHandlers.discarding());
            (r.statusCode() == 200 ? ok : failed).increment();
          } catch (Exception e) {
            failed.increment();
          }
        }
      }, "bench-client-" + t);
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) w.join();
  }

  // ---- HTTP ----

  private HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String send(String method, String path, String body, int expected) throws Exception {
    HttpResponse<String> r = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
