package io.artifact.flyemu;

import io.artifact.flyemu.clerk.TokenLifetime;
import io.artifact.flyemu.edge.EdgeDefect;
import io.artifact.flyemu.mcp.Defect;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import io.artifact.flyemu.agent.AgentHost;
import io.artifact.flyemu.clerk.LocalClerk;
import io.artifact.flyemu.edge.Edge;
import io.artifact.flyemu.emulator.EmulatorAdmin;
import io.artifact.flyemu.mcp.ControlPlane;
import io.artifact.flyemu.router.RouterApp;
import io.artifact.flyemu.router.RouterVariants;
import io.artifact.flyemu.exec.ExecApp;
import io.artifact.flyemu.exec.ExecVariants;
import io.artifact.flyemu.external.ExternalProgram;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRegistry;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.fly.api.MachinesApi;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.net.FaultProxies;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.net.NetworkFaults;
import io.artifact.flyemu.net.PrivateNetwork;
import io.artifact.flyemu.nfs.NfsMounts;
import io.artifact.flyemu.nfs.NfsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The embedded stack: an emulated Fly platform (Machines API, private network, images as
 * behaviours) plus its components, all on loopback random ports. Started once per JVM by the
 * suite for the {@code local} profile, or by hand with {@code stack up}.
 */
public final class EmbeddedStack implements AutoCloseable {

  private final StackSettings settings;
  private final Path dataDir;
  private final RealScheduler scheduler;
  private final FlyPlatform platform;
  private final List<HttpListener> listeners = new ArrayList<>();
  private final List<StackComponent> components = new ArrayList<>();
  private final HttpListener api;
  private final HttpListener network;
  private final FaultProxies proxies = new FaultProxies();

  private EmbeddedStack(StackSettings settings) throws IOException {
    this.settings = settings;
    this.dataDir = Files.createTempDirectory("artifact-e2e-stack-");
    this.scheduler = new RealScheduler(4);
    ImageRegistry images = new ImageRegistry().defaultBootDelay(settings.defaultBootDelay());
    settings.bootDelays().forEach(images::bootDelay);
    images.register(NfsServer.IMAGE, NfsServer.variantTags(), NfsServer::new);
    images.register(RouterApp.IMAGE, RouterVariants.tags(), RouterApp::new);
    images.register(ExecApp.IMAGE, ExecVariants.tags(), ExecApp::new);
    images.register("host-coder", AgentHost.variantTags(), AgentHost::new);
    images.register("host-basic", AgentHost::new); // the same supervisor; its variants are catalogued under host-coder
    Duration externalBoot = Durations.parse("stack.external.boot-timeout", settings.extra("external.boot-timeout", "10s"));
    images.external(ref -> new ExternalProgram(ref, externalBoot));
    this.platform = new FlyPlatform(new FlyPlatform.Settings(settings.stopDelay(), settings.resumeDelay(),
        settings.reapAfter(), 5000, dataDir), scheduler, images);
    platform.allowToken(settings.flyToken());
    NetworkFaults faults = new NetworkFaults();
    platform.services().register(NetworkFaults.class, faults).register(NfsMounts.class, new NfsMounts(platform))
        .register(FaultProxies.class, proxies);
    this.api = listen(HttpListener.start("machines-api", new MachinesApi(platform)));
    this.network = listen(HttpListener.start("private-network", new PrivateNetwork(platform, settings.autostartTimeout(), faults, proxies)));
    platform.services().register(NetworkClient.class, new NetworkClient(network.port()));
    platform.services().register(EmbeddedStack.class, this);
  }

  /**
   * Every variant this stack can run besides the DOC behaviour: per image name its variant tags,
   * and per stack-wide setting ({@code stack.edge.defect}, {@code stack.mcp.defect},
   * {@code stack.clerk.defect}) its values. The defect catalogue is checked against it.
   */
  public static Map<String, Set<String>> variants() {
    Map<String, Set<String>> all = new TreeMap<>();
    all.put(NfsServer.IMAGE, NfsServer.variantTags());
    all.put(RouterApp.IMAGE, RouterVariants.tags());
    all.put(ExecApp.IMAGE, ExecVariants.tags());
    all.put("host-coder", AgentHost.variantTags());
    all.put("stack.edge.defect", Arrays.stream(EdgeDefect.values()).filter(d -> d != EdgeDefect.NONE).map(EdgeDefect::wire).collect(Collectors.toSet()));
    all.put("stack.mcp.defect", Arrays.stream(Defect.values()).filter(d -> d != Defect.NONE).map(Defect::wire).collect(Collectors.toSet()));
    all.put("stack.clerk.defect", TokenLifetime.names());
    return all;
  }

  /** Starts the platform and the given components, in order. */
  public static EmbeddedStack start(StackSettings settings, List<StackComponent> components) {
    EmbeddedStack stack;
    try {
      stack = new EmbeddedStack(settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the embedded stack's data directory", e);
    }
    try {
      for (StackComponent c : components) {
        c.start(stack);
        stack.components.add(c);
      }
    } catch (Exception e) {
      stack.close();
      throw new IllegalStateException("embedded stack failed to start: " + e.getMessage(), e);
    }
    return stack;
  }

  public static EmbeddedStack start(StackSettings settings) {
    return start(settings, List.of());
  }

  /** The whole embedded stack as {@code stack up} and the suite's embedded target run it. */
  public static EmbeddedStack startStandard(StackSettings settings) {
    return start(settings, List.of(new LocalClerk(LocalClerk.Settings.from(settings)), new Edge(), new EmulatorAdmin(),
        new ControlPlane()));
  }

  public FlyPlatform platform() { return platform; }
  public StackSettings settings() { return settings; }
  public Path dataDir() { return dataDir; }

  /** Where the Machines API listens: the value for {@code FLY_FLAPS_BASE_URL} and {@code FLY_API_BASE_URL}. */
  public String machinesApiUrl() { return api.baseUrl(); }

  /** The private network's proxy address, {@code 127.0.0.1:<port>}. */
  public int privateNetworkPort() { return network.port(); }

  public String flyToken() { return settings.flyToken(); }

  public <T extends StackComponent> T component(Class<T> type) {
    return components.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("embedded stack component not started: " + type.getSimpleName()));
  }

  /** Every endpoint, for {@code stack up}'s JSON line and the run manifest. */
  public Map<String, String> endpoints() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("machines_api", machinesApiUrl());
    e.put("logs_api", machinesApiUrl());
    e.put("private_network_proxy", "127.0.0.1:" + network.port());
    components.forEach(c -> e.putAll(c.endpoints()));
    return e;
  }

  /**
   * The local development credentials clients need, by the names {@code stack up} prints: they die
   * with the process and open nothing outside loopback.
   */
  public Map<String, String> tokens() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("fly_api_token", flyToken());
    components.stream().filter(LocalClerk.class::isInstance).map(LocalClerk.class::cast).findFirst().ifPresent(c -> {
      t.put("clerk_secret_key", c.secretKey());
      t.put("clerk_publishable_key", c.publishableKey());
    });
    components.stream().filter(ControlPlane.class::isInstance).map(ControlPlane.class::cast).findFirst()
        .ifPresent(c -> t.put("mcp_org_token", c.orgToken()));
    return t;
  }

  /**
   * Where volumes live on this host: {@code <volumes_dir>/<volume id>} is what a Machine sees at its
   * mount path, so the NFS share of a slice is {@code <volumes_dir>/<nfs volume id>/computers}.
   */
  public Path volumesDir() {
    return dataDir.resolve("volumes");
  }

  /** A listener started by a component; closed with the stack. */
  public HttpListener listen(HttpListener listener) {
    listeners.add(listener);
    return listener;
  }

  @Override
  public void close() {
    for (int i = components.size() - 1; i >= 0; i--) components.get(i).close();
    proxies.close();
    platform.shutdown();
    for (int i = listeners.size() - 1; i >= 0; i--) listeners.get(i).close();
    scheduler.close();
    try (Stream<Path> walk = Files.walk(dataDir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dataDir, e);
    }
  }
}
