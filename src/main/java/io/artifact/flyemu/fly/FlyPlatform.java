package io.artifact.flyemu.fly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded Fly platform's domain: apps, Machines, secrets, volumes, certificates, logs and
 * tokens. No HTTP here; {@code stack.fly.api} renders it in Fly's wire format.
 */
public final class FlyPlatform {

  /** Platform-wide timings, short locally (env/local.properties), never skipped. */
  public record Settings(Duration stopDelay, Duration resumeDelay, Duration reapAfter, int logCapacity, Path dataDir) {}

  private static final Pattern APP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  private final Settings settings;
  private final Scheduler scheduler;
  private final ImageRegistry images;
  private final StackServices services = new StackServices();
  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Set<String> tokens = new CopyOnWriteArraySet<>();
  private final ProxyLoad load;

  public FlyPlatform(Settings settings, Scheduler scheduler, ImageRegistry images) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.images = images;
    this.load = new ProxyLoad(scheduler);
  }

  public Scheduler scheduler() { return scheduler; }
  public ImageRegistry images() { return images; }
  public StackServices services() { return services; }
  /** What the proxy (edge and private network) knows of each Machine's requests, for autostop. */
  public ProxyLoad load() { return load; }
  Duration stopDelay() { return settings.stopDelay(); }
  Duration resumeDelay() { return settings.resumeDelay(); }

  // ---- tokens ----

  public void allowToken(String token) { tokens.add(token); }
  public void revokeToken(String token) { tokens.remove(token); }

  public void authenticate(String token) {
    if (token == null || !tokens.contains(token)) {
      throw new PlatformException(PlatformException.Kind.UNAUTHORIZED, "Authenticate: token validation error");
    }
  }

  // ---- apps ----

  public App createApp(String name, String org) {
    if (name == null || !APP_NAME.matcher(name).matches()) {
      throw PlatformException.unprocessable("Validation failed: app name '" + name
          + "' must be 3-63 lowercase letters, digits or dashes, starting and ending with a letter or digit");
    }
    App app = new App(Ids.hex(6), name, org == null || org.isBlank() ? "personal" : org, scheduler.now(), settings.logCapacity());
    if (apps.putIfAbsent(name, app) != null) throw PlatformException.unprocessable("Validation failed: Name has already been taken");
    return app;
  }

  public App app(String name) {
    App a = apps.get(name);
    if (a == null) throw PlatformException.notFound("app not found");
    return a;
  }

  public Optional<App> findApp(String name) {
    return Optional.ofNullable(apps.get(name));
  }

  public List<App> apps(String org) {
    return apps.values().stream().filter(a -> org == null || org.equals(a.org()))
        .sorted(Comparator.comparing(App::name)).toList();
  }

  public void deleteApp(String name, boolean force) {
    App app = app(name);
    boolean running = app.machines().stream().anyMatch(m -> !m.state().destroyableWithoutForce()
        && m.state() != MachineState.DESTROYED && m.state() != MachineState.DESTROYING);
    if (running && !force) {
      throw PlatformException.precondition("failed_precondition: app has running machines; stop them first or delete with force=true");
    }
    apps.remove(name, app);
    app.machines().forEach(m -> {
      m.destroy(true);
      app.remove(m);
    });
    app.volumes().forEach(v -> deleteDirectory(v.directory()));
  }

  // ---- machines ----

  public Machine createMachine(String appName, String name, String region, ObjectNode config, boolean skipLaunch) {
    return createMachine(appName, name, region, config, skipLaunch, Function.identity());
  }

  /**
   * Creates a Machine and returns {@code answer} applied to it before its launch is scheduled, so the
   * create call answers {@code created} as Fly's does, however fast the scheduler starts the boot.
   */
  public <T> T createMachine(String appName, String name, String region, ObjectNode config, boolean skipLaunch,
      Function<Machine, T> answer) {
    App app = app(appName);
    ImageRef ref = ImageRef.parse(config.path("image").asText(null));
    // 422 as for any create Fly cannot carry out (docs: validation failures); flyctl adds its own
    // "failed to launch VM: " prefix client-side (superfly/flyctl internal/flaps), so the body has none
    images.pullError(ref).ifPresent(e -> {
      throw PlatformException.unprocessable(e);
    });
    String machineName = name == null || name.isBlank() ? Ids.machineName() : name;
    if (app.machines().stream().anyMatch(m -> m.name().equals(machineName) && m.state() != MachineState.DESTROYED)) {
      throw PlatformException.conflict("already_exists: machine name '" + machineName + "' is taken in app '" + appName + "'");
    }
    Machine m = new Machine(this, app, Ids.machineId(), machineName, region == null || region.isBlank() ? "syd" : region,
        config, app.secretValues());
    attachVolumes(app, m, config);
    app.add(m);
    log(m, "info", "Machine created with image " + ref.raw());
    T answered = answer.apply(m);
    if (!skipLaunch) m.launch();
    return answered;
  }

  public Machine machine(String appName, String machineId) {
    return app(appName).machine(machineId);
  }

  public List<Machine> machines(String appName, boolean includeDeleted) {
    return app(appName).machines().stream()
        .filter(m -> includeDeleted || m.state() != MachineState.DESTROYED).toList();
  }

  public Machine updateMachine(String appName, String machineId, ObjectNode config, boolean skipLaunch) {
    Machine m = machine(appName, machineId);
    ImageRef ref = ImageRef.parse(config.path("image").asText(null));
    // 400: the only error the spec documents for update ("bad config", fly-facts.md §2.2)
    images.pullError(ref).ifPresent(e -> {
      throw PlatformException.invalid(e);
    });
    attachVolumes(m.app(), m, config);
    m.update(config, m.app().secretValues(), skipLaunch);
    return m;
  }

  /**
   * Blocks until the Machine reaches {@code state} or the timeout (1–60 s, as Fly enforces) passes.
   * Waiting for {@code settled} accepts any resting state.
   */
  public Machine waitFor(String appName, String machineId, String state, Duration timeout) throws InterruptedException {
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
      throw PlatformException.invalid("invalid_argument: wait timeout must be between 1 and 60 seconds, got " + timeout.toSeconds());
    }
    Machine m = machine(appName, machineId);
    Set<MachineState> targets = "settled".equals(state)
        ? EnumSet.of(MachineState.CREATED, MachineState.STARTED, MachineState.STOPPED, MachineState.SUSPENDED,
            MachineState.FAILED, MachineState.DESTROYED)
        : EnumSet.of(MachineState.fromWire(state));
    CompletableFuture<MachineState> reached = m.when(targets);
    try {
      reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return m;
    } catch (TimeoutException e) {
      throw PlatformException.timeout("deadline_exceeded: machine failed to reach desired state, " + state + ", currently " + m.state().wire());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      reached.cancel(false); // no-op once reached; otherwise forgets the waiter
    }
  }

  /** A destroyed Machine lets go of its volumes at once and disappears from the API after {@code reapAfter}. */
  void reapLater(Machine m) {
    m.app().volumes().stream().filter(v -> m.id().equals(v.attachedMachineId())).forEach(v -> v.attach(null));
    load.forget(m);
    scheduler.schedule(settings.reapAfter(), () -> m.app().remove(m));
  }

  // ---- secrets ----

  public int setSecrets(String appName, Map<String, String> values) {
    return app(appName).applySecrets(values, scheduler.now());
  }

  public int unsetSecret(String appName, String name) {
    App app = app(appName);
    if (!app.hasSecret(name)) throw PlatformException.notFound("secret not found");
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    m.put(name, null);
    return app.applySecrets(m, scheduler.now());
  }

  // ---- volumes ----

  public Volume createVolume(String appName, String name, String region, int sizeGb) {
    App app = app(appName);
    if (name == null || !name.matches("[a-z0-9_]{1,30}")) {
      throw PlatformException.invalid("invalid_argument: volume name must be 1-30 lowercase letters, digits or underscores, got '" + name + "'");
    }
    String id = Ids.volumeId();
    Path dir = settings.dataDir().resolve("volumes").resolve(id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Volume v = new Volume(id, name, region == null ? "syd" : region, sizeGb <= 0 ? 1 : sizeGb, dir, scheduler.now());
    app.add(v);
    return v;
  }

  public Volume deleteVolume(String appName, String volumeId) {
    App app = app(appName);
    Volume v = app.volume(volumeId);
    if (v.attachedMachineId() != null && app.machines().stream()
        .anyMatch(m -> m.id().equals(v.attachedMachineId()) && m.state() != MachineState.DESTROYED)) {
      throw PlatformException.precondition("failed_precondition: volume is attached to machine " + v.attachedMachineId());
    }
    app.removeVolume(volumeId);
    deleteDirectory(v.directory());
    return v;
  }

  Optional<Path> volumeMountedAt(Machine m, String mountPath) {
    for (JsonNode mount : m.config().path("mounts")) {
      if (mountPath.equals(mount.path("path").asText())) {
        return m.app().volumes().stream().filter(v -> v.id().equals(mount.path("volume").asText()))
            .findFirst().map(Volume::directory);
      }
    }
    return Optional.empty();
  }

  private void attachVolumes(App app, Machine m, ObjectNode config) {
    for (JsonNode mount : config.path("mounts")) {
      String volumeId = mount.path("volume").asText();
      Volume v = app.volumes().stream().filter(x -> x.id().equals(volumeId) || x.name().equals(volumeId)).findFirst()
          .orElseThrow(() -> PlatformException.invalid("invalid_argument: volume '" + volumeId + "' not found in app '" + app.name() + "'"));
      if (v.attachedMachineId() != null && !v.attachedMachineId().equals(m.id()) && app.machines().stream()
          .anyMatch(x -> x.id().equals(v.attachedMachineId()) && x.state() != MachineState.DESTROYED)) {
        throw PlatformException.precondition("failed_precondition: volume " + v.id() + " is already attached to " + v.attachedMachineId());
      }
      ((ObjectNode) mount).put("volume", v.id());
      v.attach(m.id());
    }
  }

  // ---- certificates (hostnames the edge routes to an app) ----

  public void addCertificate(String appName, String hostname) {
    app(appName).addHostname(hostname.toLowerCase(java.util.Locale.ROOT));
  }

  public void removeCertificate(String appName, String hostname) {
    if (!app(appName).removeHostname(hostname.toLowerCase(java.util.Locale.ROOT))) {
      throw PlatformException.notFound("certificate not found");
    }
  }

  /** The app serving a public hostname: exact certificate first, then a wildcard one. */
  public Optional<App> appForHostname(String hostname) {
    String h = hostname.toLowerCase(java.util.Locale.ROOT);
    Collection<App> all = apps.values();
    Optional<App> exact = all.stream().filter(a -> a.hostnames().contains(h)).findFirst();
    if (exact.isPresent()) return exact;
    int dot = h.indexOf('.');
    if (dot < 0) return Optional.empty();
    String wildcard = "*" + h.substring(dot);
    return all.stream().filter(a -> a.hostnames().contains(wildcard)).findFirst();
  }

  // ---- logs ----

  void log(Machine m, String level, String message) {
    m.app().logs().append(scheduler.now(), m.id(), m.region(), level, message);
  }

  /** A line the proxy writes to the app's log about one of its Machines (autostop, say). */
  public void proxyLog(Machine m, String message) {
    log(m, "info", message);
  }

  public List<LogEntry> logs(String appName, String afterId, String machineId, int limit) {
    return app(appName).logs().read(afterId, machineId, limit);
  }

  /** Removes everything (used when the stack stops). */
  public void shutdown() {
    List<App> all = new ArrayList<>(apps.values());
    apps.clear();
    all.forEach(a -> a.machines().forEach(m -> m.destroy(true)));
  }

  private static void deleteDirectory(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete volume directory " + dir, e);
    }
  }
}
