package io.artifact.e2e.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

  private static final Path ENV = Path.of("env");

  @Test
  void defaultProfileIsLocalOnTheEmbeddedStack() {
    Profile p = new ProfileLoader(ENV, Map.of(), new Properties()).load();
    assertThat(p.name()).isEqualTo("local");
    assertThat(p.embedded()).isTrue();
    assertThat(p.duration("timeouts.poll")).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void systemPropertyWinsOverEnvironmentVariable() {
    Properties sys = new Properties();
    sys.setProperty("env", "staging");
    assertThat(new ProfileLoader(ENV, Map.of("E2E_ENV", "hybrid"), sys).requestedName()).isEqualTo("staging");
    assertThat(new ProfileLoader(ENV, Map.of("E2E_ENV", "hybrid"), new Properties()).requestedName()).isEqualTo("hybrid");
  }

  @Test
  void unknownProfileListsTheKnownOnes() {
    assertThatThrownBy(() -> new ProfileLoader(ENV, Map.of(), new Properties()).load("nope"))
        .isInstanceOf(ProfileException.class)
        .hasMessage("unknown profile 'nope' (no env/nope.properties); known profiles: ephemeral, external, hybrid, local, local-mcp, mix-drill, staging, staging-drill");
  }

  @Test
  void missingSecretNamesTheVariableNotItsValue() {
    assertThatThrownBy(() -> new ProfileLoader(ENV, Map.of("CLERK_SECRET_KEY", "sk_test_x"), new Properties()).load("staging"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("needs the environment variable FLY_API_TOKEN");
  }

  @Test
  void flyProfilesLoadWhenTheirSecretsAreSet() {
    Profile p = new ProfileLoader(ENV, Map.of("FLY_API_TOKEN", "fo1_abc", "CLERK_SECRET_KEY", "sk_test_x"), new Properties()).load("ephemeral");
    assertThat(p.target()).isEqualTo(Profile.Target.FLY);
    assertThat(p.secret("FLY_API_TOKEN")).isEqualTo("fo1_abc");
  }

  @Test
  void theStagingDrillIsAnExternalSharedSliceWithoutBootKill() {
    Map<String, String> tokens = Map.of("FLY_API_TOKEN", "t", "CLERK_SECRET_KEY", "sk_test_x", "CLERK_PUBLISHABLE_KEY", "pk_test_x", "MCP_ORG_TOKEN", "m");
    Profile p = new ProfileLoader(ENV, tokens, new Properties()).load("staging-drill");
    assertThat(p.target()).isEqualTo(Profile.Target.EXTERNAL);
    assertThat(p.strategy()).isEqualTo("staging");
    assertThat(p.slicePerScenario()).isFalse();
    assertThat(p.production()).isFalse();
    assertThat(p.string("capabilities.withhold")).isEqualTo("faults:boot-kill");
    assertThat(p.section("endpoint.")).as("endpoints come from the running stack, never the file").isEmpty();
  }

  @Test
  void malformedDurationNamesFileKeyAndExpectedForm(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("broken.properties"), Files.readString(ENV.resolve("local.properties"))
        .replace("timeouts.boot=10s", "timeouts.boot=ten seconds"));
    assertThatThrownBy(() -> new ProfileLoader(dir, Map.of(), new Properties()).load("broken"))
        .hasMessage("env/broken.properties: timeouts.boot must be a duration like 500ms, 5s, 2m or 1h (was 'ten seconds')");
  }

  @Test
  void malformedTargetAndPrefixAreNamed(@TempDir Path dir) throws IOException {
    String local = Files.readString(ENV.resolve("local.properties"));
    Files.writeString(dir.resolve("a.properties"), local.replace("target=embedded", "target=cloud"));
    Files.writeString(dir.resolve("b.properties"), local.replace("org.prefix=org1", "org.prefix=Org_1"));
    ProfileLoader loader = new ProfileLoader(dir, Map.of(), new Properties());
    assertThatThrownBy(() -> loader.load("a")).hasMessage("env/a.properties: target must be embedded, external or fly (was 'cloud')");
    assertThatThrownBy(() -> loader.load("b")).hasMessageContaining("env/b.properties: org.prefix must be lowercase");
  }

  @Test
  void unknownFlyBackendIsNamedAtLoad() {
    Properties sys = new Properties();
    sys.setProperty("e2e.fly.backend", "grpc");
    assertThatThrownBy(() -> new ProfileLoader(ENV, Map.of(), sys).load("local"))
        .hasMessage("env/local.properties: fly.backend must be rest, mcp or flyctl (was 'grpc')");
  }

  @Test
  void theFlyctlBackendNeedsABoundOnEveryCall() {
    Properties sys = new Properties();
    sys.setProperty("e2e.fly.backend", "flyctl");
    assertThatThrownBy(() -> new ProfileLoader(ENV, Map.of(), sys).load("local"))
        .hasMessage("env/local.properties: missing key 'timeouts.flyctl'");
    sys.setProperty("e2e.timeouts.flyctl", "20s");
    assertThat(new ProfileLoader(ENV, Map.of(), sys).load("local").string("fly.backend")).isEqualTo("flyctl");
  }

  @Test
  void unknownPhaseOneModeIsNamedAtLoad() {
    Properties sys = new Properties();
    sys.setProperty("e2e.phase1.ensure-apps", "mcpx");
    assertThatThrownBy(() -> new ProfileLoader(ENV, Map.of(), sys).load("local"))
        .hasMessage("env/local.properties: phase1.ensure-apps must be fly or mcp (was 'mcpx')");
  }

  @Test
  void e2eSystemPropertiesOverrideProfileKeys() {
    Properties sys = new Properties();
    sys.setProperty("e2e.image.nfs", "registry.fly.io/fly-nfs:defect-no-self-check");
    Profile p = new ProfileLoader(ENV, Map.of(), sys).load("local");
    assertThat(p.string("image.nfs")).endsWith(":defect-no-self-check");
  }

  @Test
  void profileExceptionsCarryNoStackTrace() {
    assertThat(new ProfileException("x").getStackTrace()).isEmpty();
  }
}
