package io.artifact.e2e.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.flyctl.FlySshNfs;
import io.artifact.e2e.world.OrgSlice;
import io.artifact.e2e.world.TargetPorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external and fly factories: endpoints and credentials from the profile, capabilities from what is there, bad input in one line. */
class TargetsTest {

  @TempDir Path dir;

  Profile profile(String body, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve("t.properties"), """
        strategy=staging
        production=false
        org.prefix=org1
        base.domain=example.test
        region=syd
        fly.backend=rest
        timeouts.boot=1s
        timeouts.await=1s
        timeouts.poll=10ms
        timeouts.api-retry=1s
        timeouts.connect=300ms
        """ + body);
    return new ProfileLoader(dir, env, new Properties()).load("t");
  }

  @Test
  void anExternalTargetOffersWhatItsEndpointsAndCredentialsAllow() throws IOException {
    try (ServerSocket api = new ServerSocket(0)) {
      Path nfs = Files.createDirectories(dir.resolve("share"));
      Profile p = profile("target=external\nendpoint.machines_api=http://127.0.0.1:" + api.getLocalPort()
          + "\nendpoint.nfs_root=" + nfs + "\nsecret.fly_api_token=MY_FLY\n", Map.of("MY_FLY", "tok"));
      Target t = Targets.open(p);
      assertThat(t.kind()).isEqualTo("external");
      assertThat(t.capabilities()).containsExactlyInAnyOrder(Capability.FLY_API, Capability.FAULTS_MACHINE_LIFECYCLE, Capability.FAULTS_APP_SECRETS,
          Capability.NFS_FILES);
      assertThat(t.secret(Target.FLY_API_TOKEN)).contains("tok");
      assertThatThrownBy(() -> t.require(Capability.MCP)).isInstanceOf(MissingCapability.class)
          .hasMessage("needs capability mcp, which target 't' (external) does not offer");
    }
  }

  @Test
  void aClerkTestingSurfaceOffersTheSigningKeyOnlyWithTheBackendApi() throws IOException {
    try (ServerSocket clerk = new ServerSocket(0)) {
      String url = "http://127.0.0.1:" + clerk.getLocalPort();
      Profile with = profile("target=external\nendpoint.clerk_api=" + url + "\nendpoint.clerk_testing=" + url + "/__testing"
          + "\nsecret.clerk_secret_key=CLERK_SK\n", Map.of("CLERK_SK", "sk_test_x"));
      assertThat(Targets.open(with).capabilities()).containsExactlyInAnyOrder(Capability.CLERK_BACKEND, Capability.CLERK_SIGNING_KEY);
      Profile without = profile("target=external\nendpoint.clerk_testing=" + url + "/__testing\n", Map.of());
      assertThat(Targets.open(without).capabilities()).isEmpty();
    }
  }

  @Test
  void aToxiproxyApiOffersNetworkFaults() throws IOException {
    try (ServerSocket toxiproxy = new ServerSocket(0)) {
      Profile p = profile("target=external\nendpoint.network_faults=http://127.0.0.1:" + toxiproxy.getLocalPort() + "\n", Map.of());
      assertThat(Targets.open(p).capabilities()).containsExactly(Capability.FAULTS_NETWORK);
    }
  }

  @Test
  void anEndpointThatDoesNotAnswerIsOneLineNamingKeyAndUrlWithinTheConnectTimeout() throws IOException {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    Profile p = profile("target=external\nendpoint.edge=http://127.0.0.1:" + dead + "\n", Map.of());
    Instant began = Instant.now();
    assertThatThrownBy(() -> Targets.open(p)).isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("env/t.properties: endpoint.edge=http://127.0.0.1:" + dead + " does not answer (")
        .hasMessageNotContaining("\n");
    assertThat(Duration.between(began, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void unknownEndpointsMissingVariablesAndUnknownCapabilitiesAreNamed() throws IOException {
    assertThatThrownBy(() -> Targets.open(profile("target=external\nendpoint.routr=http://x\n", Map.of())))
        .hasMessageStartingWith("env/t.properties: endpoint.routr is not an endpoint the suite knows");
    assertThatThrownBy(() -> profile("target=external\nsecret.fly_api_token=NOT_SET\n", Map.of()))
        .hasMessageContaining("needs the environment variable NOT_SET");
    assertThatThrownBy(() -> Targets.open(profile("target=external\ncapabilities.withhold=faults:everything\n", Map.of())))
        .hasMessageContaining("capabilities.withhold: unknown capability 'faults:everything'");
    assertThatThrownBy(() -> Targets.open(profile("target=external\nendpoint.nfs_root=" + dir.resolve("nope") + "\n", Map.of())))
        .hasMessageContaining("endpoint.nfs_root=").hasMessageEndingWith("is not a directory on this machine");
  }

  @Test
  void aWithheldCapabilityIsGoneFromTheTarget() throws IOException {
    Path nfs = Files.createDirectories(dir.resolve("share"));
    Target t = Targets.open(profile("target=external\nendpoint.nfs_root=" + nfs + "\ncapabilities.withhold=nfs-files\n", Map.of()));
    assertThat(t.capabilities()).doesNotContain(Capability.NFS_FILES);
  }

  @Test
  void aFlyTargetNeedsFlyctlOnPath() throws IOException {
    Profile p = profile("target=fly\nsecret.fly_api_token=FLY_API_TOKEN\n", Map.of("FLY_API_TOKEN", "tok"));
    assertThatThrownBy(() -> FlyTargets.from(p, Map.of("PATH", dir.toString()))).isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("fly (flyctl) is not on PATH; env/t.properties targets a Fly org");
  }

  @Test
  void aFlyTargetReachesTheShareOverFlySshAndExecThroughAProxy() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fly = Files.writeString(bin.resolve("fly"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(fly, PosixFilePermissions.fromString("rwxr-xr-x"));
    Profile p = profile("target=fly\nsecret.fly_api_token=FLY_API_TOKEN\nsecret.clerk_secret_key=CLERK_SECRET_KEY\n",
        Map.of("FLY_API_TOKEN", "tok", "CLERK_SECRET_KEY", "sk"));
    Target t = FlyTargets.from(p, Map.of("PATH", bin.toString()));
    assertThat(t.capabilities()).contains(Capability.FLY_API, Capability.EDGE, Capability.CLERK_BACKEND, Capability.NFS_FILES,
        Capability.EXEC_NOTIFY).doesNotContain(Capability.FAULTS_BOOT_KILL, Capability.MCP, Capability.CLERK_SIGNING_KEY);
    assertThat(t.endpoint(Target.MACHINES_API)).contains("https://api.machines.dev");
    OrgSlice slice = OrgSlice.of(p, "abc123");
    assertThat(TargetPorts.nfs(t, slice, () -> null)).isInstanceOf(FlySshNfs.class);
  }
}
