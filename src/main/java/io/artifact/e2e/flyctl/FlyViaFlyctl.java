package io.artifact.e2e.flyctl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.fly.AppInfo;
import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.MachineSpec;
import io.artifact.e2e.fly.RetryPolicy;
import io.artifact.e2e.fly.VolumeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link FlyPort} as an operator runs it: {@code fly} as a child process ({@code fly.backend=flyctl};
 * fly-facts.md §5). Every call names its app with {@code -a}, asks for {@code --json} where flyctl
 * has it, passes Machine ids positionally (§10 #15: there is no {@code --machine} on start/stop),
 * answers prompts with {@code --yes} (§10 #16) and is bounded by a timeout ({@code fly logs
 * --no-tail} can poll forever, §10 #13). flyctl reports errors only as text on stderr (§5.1), so a
 * failure becomes a {@link FlyApiException} carrying flyctl's one-line message (command line,
 * exit, first stderr line; token redacted) and the API status its text stands for, which callers
 * that tolerate a 404 or a 409 rely on. Secret values travel on stdin, never on the command line.
 */
public final class FlyViaFlyctl implements FlyPort {

  private static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, true);
  private static final Pattern MACHINE_ID = Pattern.compile("(?m)^\\s*Machine ID:\\s*(\\S+)\\s*$");

  private final Flyctl fly;
  private final Duration callTimeout;
  private final Duration bootBound;
  private final RetryPolicy retry;
  private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();

  /**
   * @param callTimeout bound of one call ({@code timeouts.flyctl}); calls that wait for Machines to
   *     boot (run, update, secrets) get {@code bootBound} on top, a wait gets its own bound on top
   * @param retryBound {@code timeouts.api-retry}: how long a 404 right after a create, a 429 or a 5xx is retried
   */
  public FlyViaFlyctl(Flyctl fly, Duration callTimeout, Duration bootBound, Duration retryBound) {
    this.fly = fly;
    this.callTimeout = callTimeout;
    this.bootBound = bootBound;
    this.retry = RetryPolicy.within(retryBound, callTimeout);
  }

  // ---- apps ----

  @Override
  public AppInfo createApp(String name, String org) {
    return app(json("create app", name, null, callTimeout, "apps", "create", name, "--org", org, "--json"));
  }

  @Override
  public Optional<AppInfo> findApp(String name) {
    try {
      return Optional.of(app(json("get app", name, null, callTimeout, "status", "-a", name, "--json")));
    } catch (FlyApiException e) {
      if (e.status() == 404) return Optional.empty();
      throw e;
    }
  }

  @Override
  public void destroyApp(String name) {
    try {
      run("destroy app", name, null, callTimeout, "", "apps", "destroy", name, "--yes");
    } catch (FlyApiException e) {
      if (e.status() != 404) throw e;
    }
  }

  // ---- machines ----

  @Override
  public List<MachineInfo> listMachines(String app) {
    JsonNode arr = json("list Machines", app, null, callTimeout, "machine", "list", "-a", app, "--json");
    if (!arr.isArray()) throw garbage("list Machines", app, null, "machine list", "a JSON array", arr.toString());
    List<MachineInfo> out = new ArrayList<>();
    arr.forEach(n -> out.add(MachineInfo.from(n)));
    return out;
  }

  /** {@code fly machine status} has no {@code --json}; the list has every field, as ops read it. */
  @Override
  public MachineInfo machine(String app, String machineId) {
    return retry.run("get Machine " + machineId, () -> {
      Optional<MachineInfo> m = listMachines(app).stream().filter(x -> x.id().equals(machineId)).findFirst();
      if (m.isPresent()) return new RetryPolicy.Attempt.Done<>(m.get());
      FlyApiException missing = FlyApiException.fromFlyctl("get", app, machineId, 404,
          "fly machine list -a " + app + " --json does not list it");
      if (!recentlyCreated(machineId)) throw missing; // a 404 right after a create is eventual consistency (fly-facts.md §10 #1)
      return new RetryPolicy.Attempt.Again<>(missing, "fly machine list -a " + app, Optional.empty(), false);
    });
  }

  @Override
  public MachineInfo createMachine(String app, MachineSpec spec) {
    List<String> args = new ArrayList<>(List.of("machine", "run", spec.image(), "-a", app, "--detach"));
    if (spec.name() != null) args.addAll(List.of("--name", spec.name()));
    if (spec.region() != null) args.addAll(List.of("--region", spec.region()));
    String out = withConfigFile(spec.machineConfig(), file -> {
      args.addAll(List.of("--machine-config", file.toString()));
      return run("create Machine", app, null, callTimeout.plus(bootBound), "", args.toArray(String[]::new));
    });
    Matcher id = MACHINE_ID.matcher(out);
    if (!id.find()) throw garbage("create Machine", app, null, "machine run", "a \"Machine ID:\" line", out);
    createdAt.put(id.group(1), Instant.now());
    return machine(app, id.group(1));
  }

  @Override
  public MachineInfo updateMachine(String app, String machineId, MachineSpec spec) {
    return update(app, machineId, spec.machineConfig());
  }

  @Override
  public MachineInfo updateMachineConfig(String app, String machineId, JsonNode config) {
    return update(app, machineId, config.deepCopy());
  }

  private MachineInfo update(String app, String machineId, JsonNode config) {
    withConfigFile(config, file -> run("update", app, machineId, callTimeout.plus(bootBound), "",
        "machine", "update", machineId, "-a", app, "--machine-config", file.toString(), "--yes", "--detach"));
    return machine(app, machineId);
  }

  @Override
  public void startMachine(String app, String machineId) {
    run("start", app, machineId, callTimeout, "", "machine", "start", machineId, "-a", app);
  }

  @Override
  public void stopMachine(String app, String machineId) {
    run("stop", app, machineId, callTimeout, "", "machine", "stop", machineId, "-a", app);
  }

  @Override
  public void suspendMachine(String app, String machineId) {
    run("suspend", app, machineId, callTimeout, "", "machine", "suspend", machineId, "-a", app);
  }

  @Override
  public void destroyMachine(String app, String machineId, boolean force) {
    List<String> args = new ArrayList<>(List.of("machine", "destroy", machineId, "-a", app));
    if (force) args.add("--force");
    run("destroy", app, machineId, callTimeout, "", args.toArray(String[]::new));
  }

  @Override
  public MachineInfo awaitState(String app, String machineId, String state, Duration bound) {
    try {
      run("wait for " + state + " (bound " + bound.toMillis() + " ms) of", app, machineId, bound.plus(callTimeout), "",
          "machine", "wait", machineId, "-a", app, "--state", state, "--wait-timeout", Math.max(1, bound.toMillis()) + "ms");
    } catch (FlyApiException e) {
      if (e.status() == 404 && state.equals("destroyed")) return null; // already reaped counts as destroyed
      throw e;
    }
    if (!state.equals("destroyed")) return machine(app, machineId);
    return listMachines(app).stream().filter(x -> x.id().equals(machineId)).findFirst().orElse(null); // listed until reaped
  }

  // ---- secrets, volumes, certificates ----

  /** {@code fly secrets import} reads NAME=VALUE lines from stdin, then rolls the app's Machines (§5.2). */
  @Override
  public void setSecrets(String app, Map<String, String> values) {
    StringBuilder set = new StringBuilder();
    List<String> unset = new ArrayList<>();
    values.forEach((k, v) -> {
      if (v == null) unset.add(k);
      else set.append(k).append('=').append(v.contains("\n") ? "\"\"\"" + v + "\"\"\"" : v).append('\n');
    });
    String names = String.join(",", values.keySet());
    if (set.length() > 0) run("set secrets " + names + " of", app, null, callTimeout.plus(bootBound), set.toString(), "secrets", "import", "-a", app);
    if (!unset.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("secrets", "unset"));
      args.addAll(unset);
      args.addAll(List.of("-a", app));
      run("unset secrets " + names + " of", app, null, callTimeout.plus(bootBound), "", args.toArray(String[]::new));
    }
  }

  @Override
  public List<String> secretNames(String app) {
    return new ArrayList<>(secretDigests(app).keySet());
  }

  @Override
  public Map<String, String> secretDigests(String app) {
    JsonNode arr = json("list secrets of", app, null, callTimeout, "secrets", "list", "-a", app, "--json");
    Map<String, String> out = new TreeMap<>();
    arr.forEach(s -> out.put(field(s, "name").asText(), field(s, "digest").asText()));
    return out;
  }

  @Override
  public VolumeInfo createVolume(String app, String name, String region, int sizeGb) {
    return VolumeInfo.from(json("create volume " + name + " in", app, null, callTimeout, "volumes", "create", name, "--region", region,
        "--size", String.valueOf(sizeGb), "-a", app, "--yes", "--json"));
  }

  @Override
  public List<VolumeInfo> listVolumes(String app) {
    List<VolumeInfo> out = new ArrayList<>();
    json("list volumes of", app, null, callTimeout, "volumes", "list", "-a", app, "--json").forEach(v -> out.add(VolumeInfo.from(v)));
    return out;
  }

  @Override
  public void addCertificate(String app, String hostname) {
    json("add certificate " + hostname + " to", app, null, callTimeout, "certs", "add", hostname, "-a", app, "--json");
  }

  /** {@code fly logs --no-tail --json}: one pretty-printed object per entry, concatenated (§5.2); the newest {@code max} kept. */
  @Override
  public List<LogLine> logs(String app, String machineId, int max) {
    List<String> args = new ArrayList<>(List.of("logs", "-a", app, "--no-tail", "--json"));
    if (machineId != null) args.addAll(List.of("-m", machineId));
    String out = run("read logs of", app, machineId, callTimeout, "", args.toArray(String[]::new));
    Deque<LogLine> lines = new ArrayDeque<>();
    try (MappingIterator<JsonNode> entries = JSON.readerFor(JsonNode.class).readValues(out)) {
      while (entries.hasNext()) {
        JsonNode e = entries.next();
        lines.addLast(new LogLine(e.path("timestamp").asText(), e.path("instance").asText(), e.path("region").asText(),
            e.path("level").asText(), e.path("message").asText()));
        if (lines.size() > max) lines.removeFirst();
      }
    } catch (IOException | RuntimeException e) {
      throw garbage("read logs of", app, machineId, "logs", "JSON log entries", out);
    }
    return List.copyOf(lines);
  }

  // ---- plumbing ----

  private JsonNode json(String operation, String app, String machineId, Duration timeout, String... args) {
    String out = run(operation, app, machineId, timeout, "", args);
    try {
      JsonNode n = JSON.readTree(out);
      if (n == null || n.isMissingNode()) throw new IOException("no output");
      return n;
    } catch (IOException e) {
      throw garbage(operation, app, machineId, args[0] + (args.length > 1 && !args[1].startsWith("-") ? " " + args[1] : ""), "JSON", out);
    }
  }

  /** One call; 429/5xx answers flyctl gave up on are retried by the policy, everything else fails at once. */
  private String run(String operation, String app, String machineId, Duration timeout, String stdin, String... args) {
    return retry.run(operation, () -> {
      try {
        return new RetryPolicy.Attempt.Done<>(fly.run(timeout, stdin, List.of(args)).stdout());
      } catch (FlyctlException e) {
        int status = status(e);
        FlyApiException failure = FlyApiException.fromFlyctl(operation, app, machineId, status, e.getMessage());
        if (status == 429 || status >= 500) return new RetryPolicy.Attempt.Again<>(failure, e.command(), Optional.empty(), false);
        throw failure;
      }
    });
  }

  /**
   * The API status flyctl's error text stands for (fly-facts.md §1.2, §5.2 error texts); -1 when it
   * names none. A call that never finished is a 408 (a timeout), flyctl missing or unstartable is -1.
   */
  static int status(FlyctlException e) {
    if (e.exitCode().isEmpty()) return e.getMessage().contains("did not finish within") ? 408 : -1;
    String text = (e.stderr() + " " + e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (text.contains("lease currently held") || text.contains("failed to obtain lease")) return 409;
    if (text.contains("not found") || text.contains("could not find app") || text.contains("was not found")) return 404;
    if (text.contains("failed_precondition")) return 412;
    if (text.contains("unauthorized") || text.contains("token validation") || text.contains("no access token") || text.contains("not authorized")) return 401;
    if (text.contains("deadline_exceeded") || text.contains("did not reach") || text.contains("timeout reached")) return 408;
    if (text.contains("rate limit") || text.contains("429 too many")) return 429;
    if (text.contains("insufficient_capacity") || text.matches("(?s).*\\b50[0-4]\\b.*")) return 503;
    return -1;
  }

  private FlyApiException garbage(String operation, String app, String machineId, String command, String expected, String out) {
    String shown = out.strip().replaceAll("\\p{Cntrl}", "?");
    if (shown.length() > 80) shown = shown.substring(0, 80) + "…";
    return FlyApiException.fromFlyctl(operation, app, machineId, -1,
        "fly " + command + " printed no " + expected + ": " + (shown.isEmpty() ? "(nothing)" : fly.redact(shown)));
  }

  private interface WithFile<T> {
    T apply(Path file);
  }

  /** A Machine config for {@code --machine-config}: a private temp file (it may hold env values), deleted after the call. */
  private static <T> T withConfigFile(JsonNode config, WithFile<T> call) {
    Path file;
    try {
      file = Files.createTempFile("fly-machine-config-", ".json", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      JSON.writeValue(file.toFile(), config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a Machine config for fly --machine-config", e);
    }
    try {
      return call.apply(file);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless; the call's outcome matters
      }
    }
  }

  private boolean recentlyCreated(String machineId) {
    Instant at = createdAt.get(machineId);
    return at != null && Duration.between(at, Instant.now()).compareTo(retry.bound()) < 0;
  }

  /** flyctl prints GraphQL app objects with Go field names ({@code Name}), Machines API objects in snake case ({@code name}). */
  private static JsonNode field(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null) v = n.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
  }

  private static AppInfo app(JsonNode n) {
    return new AppInfo(field(n, "name").asText(), field(n, "status").asText(), field(field(n, "organization"), "slug").asText());
  }
}
