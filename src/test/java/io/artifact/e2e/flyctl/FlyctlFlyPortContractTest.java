package io.artifact.e2e.flyctl;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.FlyPortContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code fly.backend=flyctl}: {@code fly} as a child process. The fly on PATH is a fake that does
 * what flyctl does against the embedded stack's Machines API and prints flyctl's shapes, so the
 * contract's assertions hold unchanged.
 */
class FlyctlFlyPortContractTest extends FlyPortContract {

  @Override
  protected FlyPort connect() {
    try {
      Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fake-fly-contract-");
      Map<String, String> env = new ScriptedFly(dir).forwardingTo(stack.machinesApiUrl());
      env.put("FLY_API_TOKEN", stack.flyToken());
      return new FlyViaFlyctl(new Flyctl(env, new Redactor(), l -> {}), Duration.ofSeconds(20), BOOT, Duration.ofSeconds(3));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected String org() {
    return "org43";
  }
}
