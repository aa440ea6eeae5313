package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.AppRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exec's configuration from its Machine env (stack-contract.md §7.1). The Machines API address
 * is {@code DC_FLY_API_URL}, else {@code FLY_API_HOSTNAME}, else the runtime's own (the embedded
 * platform's, or {@code FLY_API_BASE_URL} for a process run outside), else Fly's;
 * the timing knobs are profile-settable so local runs take milliseconds and Fly runs minutes.
 * {@code DC_EXEC_NFS_RETRIES} bounds the retries of a change deferred by an NFS outage.
 */
record ExecSettings(String dcNfs, String poolApp, String token, String apiUrl, Map<String, String> workerEnv,
    Duration pingInterval, Duration pingTimeout, Duration retryBackoff, int maxBootAttempts, Optional<String> routerApp,
    int nfsRetries) {

  static ExecSettings from(AppRuntime rt) {
    Map<String, String> workerEnv = new LinkedHashMap<>();
    for (String k : new String[] {"DC_NFS", "DC_DOMAIN", "DC_EXEC"}) rt.env(k).ifPresent(v -> workerEnv.put(k, v));
    workerEnv.put("DC_OPENAI_PROXY_URL", rt.env("DC_OPENAI_PROXY_URL").orElse("https://localhost"));
    Duration pingTimeout = millis(rt, "DC_EXEC_PING_TIMEOUT_MS", 60_000);
    return new ExecSettings(rt.requireEnv("DC_NFS"), rt.requireEnv("DC_WORKER_POOL_APP"), rt.requireEnv("DC_FLY_API_TOKEN"),
        apiUrl(rt), workerEnv, millis(rt, "DC_EXEC_PING_INTERVAL_MS", 400), pingTimeout,
        millis(rt, "DC_EXEC_RETRY_BACKOFF_MS", 250), rt.env("DC_EXEC_MAX_BOOT_ATTEMPTS").map(Integer::parseInt).orElse(3),
        rt.env("DC_ROUTER").map(r -> r.replaceFirst("\\.(flycast|internal)$", "")),
        rt.env("DC_EXEC_NFS_RETRIES").map(Integer::parseInt).orElse(6));
  }

  /** How long a change notification may take: a full boot plus the load. */
  Duration kickTimeout() {
    return pingTimeout.multipliedBy(2).plusSeconds(10);
  }

  private static String apiUrl(AppRuntime rt) {
    Optional<String> explicit = rt.env("DC_FLY_API_URL")
        .or(() -> rt.env("FLY_API_HOSTNAME").map(h -> h.contains("://") ? h : "http://" + h));
    if (explicit.isPresent()) return explicit.get();
    return rt.machinesApiUrl().orElse("https://api.machines.dev");
  }

  private static Duration millis(AppRuntime rt, String name, long fallback) {
    return Duration.ofMillis(rt.env(name).map(Long::parseLong).orElse(fallback));
  }
}
