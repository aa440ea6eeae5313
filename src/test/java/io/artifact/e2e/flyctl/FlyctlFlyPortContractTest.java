package io.artifact.e2e.flyctl;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.FlyPortContract;
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

  final FlyPort fly;

  FlyctlFlyPortContractTest() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "fake-fly-contract-");
    Map<String, String> env = new ScriptedFly(dir).forwardingTo(stack.machinesApiUrl());
    env.put("FLY_API_TOKEN", stack.flyToken());
    fly = new FlyViaFlyctl(new Flyctl(env, new Redactor(), l -> {}), Duration.ofSeconds(20), BOOT, Duration.ofSeconds(3));
  }

  @Override
  protected FlyPort fly() {
    return fly;
  }

  @Override
  protected String org() {
    return "org43";
  }
}
