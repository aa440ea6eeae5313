package io.artifact.flyemu.fly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A platform on a {@link ManualScheduler} with small fake images, for tests without sockets:
 * {@code app} boots in {@link #BOOT}; {@code crash} throws from boot; {@code hook} runs
 * {@link #duringBoot} inside its boot (to act while a boot is in progress).
 */
public final class PlatformFixture {

  public static final Duration BOOT = Duration.ofSeconds(5);
  public static final Duration STOP = Duration.ofSeconds(1);
  public static final Duration RESUME = Duration.ofMillis(500);
  public static final Duration REAP = Duration.ofSeconds(30);
  public static final String TOKEN = "fo1_test-token";
  public static final String APP_IMAGE = "registry.fly.io/app:v1";

  private static final ObjectMapper JSON = new ObjectMapper();

  public final ManualScheduler clock = new ManualScheduler();
  public final List<FakeProgram> programs = new CopyOnWriteArrayList<>();
  public final FlyPlatform fly;
  public volatile Consumer<MachineRuntime> duringBoot = rt -> {};

  public PlatformFixture(Path dataDir) {
    this(dataDir, 1000);
  }

  public PlatformFixture(Path dataDir, int logCapacity) {
    ImageRegistry images = new ImageRegistry().defaultBootDelay(BOOT)
        .register("app", ref -> track(new FakeProgram(rt -> {})))
        .register("hook", ref -> track(new FakeProgram(rt -> duringBoot.accept(rt))))
        .register("crash", ref -> track(new FakeProgram(rt -> {
          throw new IllegalStateException("Missing CLERK_SECRET_KEY in environment");
        })));
    fly = new FlyPlatform(new FlyPlatform.Settings(STOP, RESUME, REAP, logCapacity, dataDir), clock, images);
    fly.allowToken(TOKEN);
  }

  private FakeProgram track(FakeProgram p) {
    programs.add(p);
    return p;
  }

  public static ObjectNode config(String image) {
    return JSON.createObjectNode().put("image", image);
  }

  /** Creates an app with one Machine of {@code config} and lets its launch begin. */
  public Machine createMachine(String app, ObjectNode config) {
    if (fly.findApp(app).isEmpty()) fly.createApp(app, "personal");
    Machine m = fly.createMachine(app, null, "syd", config, false);
    clock.runDue();
    return m;
  }

  /** A started Machine of the {@code app} image. */
  public Machine startedMachine(String app) {
    Machine m = createMachine(app, config(APP_IMAGE));
    clock.advance(BOOT);
    return m;
  }

  public FakeProgram lastProgram() {
    return programs.get(programs.size() - 1);
  }
}
