package io.artifact.e2e.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class OrgSliceTest {

  private static Profile profile(String name) {
    return new ProfileLoader(Path.of("env"), Map.of("FLY_API_TOKEN", "t0k3n_x", "CLERK_SECRET_KEY", "sk_test_x"), new Properties()).load(name);
  }

  @Test
  void ephemeralSlicesAppendE2eAndTheRunId() {
    OrgSlice s = OrgSlice.of(profile("ephemeral"), "abc123");
    assertThat(s.apps()).containsExactly("org1-e2e-abc123-nfs", "org1-e2e-abc123-fly-router", "org1-e2e-abc123-fly-exec", "org1-e2e-abc123-worker-pool");
    assertThat(s.domain()).isEqualTo("abc123.e2e.agentic.dreamcatcher.land");
  }

  @Test
  void stagingAndHybridUseTheOrgPrefixAsItIs() {
    assertThat(OrgSlice.of(profile("staging"), "abc123").routerApp()).isEqualTo("org1-fly-router");
    assertThat(OrgSlice.of(profile("hybrid"), "abc123").workerPoolApp()).isEqualTo("org1-worker-pool");
  }

  @Test
  void localSlicesGetTheirOwnBaseDomain() {
    OrgSlice s = OrgSlice.of(profile("local"), "q1w2e3");
    assertThat(s.domain()).isEqualTo("q1w2e3.artifact.test");
    assertThat(OrgSlice.flycast(s.execApp())).isEqualTo("org1-e2e-q1w2e3-fly-exec.flycast");
  }

  @Test
  void ownsOnlyAppsWithItsPrefix() {
    OrgSlice s = OrgSlice.of(profile("local"), "q1w2e3");
    assertThat(s.owns("org1-e2e-q1w2e3-worker-pool")).isTrue();
    assertThat(s.owns("org9-worker-pool")).isFalse();
    assertThat(s.owns("org1-e2e-q1w2e3x-nfs")).isFalse();
  }

  @Test
  void aScenarioSliceStillCarriesTheRunIdInItsAppNamesAndLabels() {
    OrgSlice s = OrgSlice.of(profile("local"), OrgSlice.scenarioSliceId("q1w2e3", 11));
    assertThat(s.nfsApp()).isEqualTo("org1-e2e-q1w2e3sb-nfs");
    assertThat(s.run()).isEqualTo("q1w2e3");
    assertThat(s.labels()).containsEntry(OrgSlice.RUN_LABEL, "q1w2e3").containsEntry(OrgSlice.SLICE_LABEL, "org1-e2e-q1w2e3sb");
    assertThat(s.apps()).allSatisfy(app -> assertThat(OrgSlice.runOfApp("org1", app)).contains("q1w2e3"));
    assertThat(OrgSlice.runOfApp("org1", "org1-e2e-abc123-fly-router")).contains("abc123");
    assertThat(OrgSlice.runOfApp("org1", "org1-fly-router")).isEmpty();
    assertThat(OrgSlice.runOfApp("org1", "org2-e2e-abc123-nfs")).isEmpty();
    assertThat(OrgSlice.runOfApp("org1", "org1-e2e-abc123-nfs-backup")).isEmpty();
  }

  @RepeatedTest(20)
  void runIdsAreValidDnsLabelsAndAppNameParts() {
    assertThat(OrgSlice.newRunId()).matches("[a-z][a-z0-9]{5}");
  }
}
