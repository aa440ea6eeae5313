package io.artifact.e2e.support;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.MachineSpec;
import io.artifact.e2e.target.EmbeddedTargets;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.world.TargetPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An embedded stack in the test JVM, reached only through the suite's Fly port: an org to run ops
 * tools (sweep, worker-pool recycle, warm-fixture check) against, with workers made the way exec makes them.
 */
public final class EmbeddedOrg implements AutoCloseable {

  public final Profile profile;
  public final Target target;
  public final FlyPort fly;

  public EmbeddedOrg() {
    profile = new ProfileLoader(Path.of("env"), Map.of(), new Properties()).load("local");
    target = EmbeddedTargets.start(profile);
    fly = TargetPorts.fly(target, Duration.ofSeconds(3), Duration.ofSeconds(10), line -> {});
  }

  /** A started worker Machine in {@code app}, with {@code metadata} (a computer label, a run label). */
  public MachineInfo worker(String app, Map<String, String> metadata) {
    Map<String, String> all = new LinkedHashMap<>(Map.of("fly_platform_version", "standalone"));
    all.putAll(metadata);
    MachineInfo m = fly.createMachine(app, MachineSpec.of("registry.fly.io/host-coder:latest").region("syd").metadata(all));
    return fly.awaitState(app, m.id(), "started", Duration.ofSeconds(10));
  }

  public String stateOf(String app, String id) {
    return fly.machine(app, id).state();
  }

  @Override
  public void close() {
    target.close();
  }
}
