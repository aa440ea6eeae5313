package io.artifact.e2e.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.mcp.ControlPlane;
import io.artifact.flyemu.mcp.ControlPlaneSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link FlyPort} contract, run against every backend ({@code fly.backend=rest|mcp|flyctl}) on
 * the embedded stack: one subclass per backend says how to make it, the assertions are the same.
 * What a backend returns must not depend on how it reached Fly; failures keep the API status the
 * callers branch on (404 tolerated in teardown, 412 and 408 reported). Each backend's class has its
 * own stack (test classes run concurrently), started once for its cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FlyPortContract {

  protected static final String IMAGE = "registry.fly.io/fly-exec:doc";
  protected static final Duration BOOT = Duration.ofSeconds(10);

  protected EmbeddedStack stack;
  protected ControlPlane controlPlane;
  private FlyPort fly;

  @BeforeAll
  void startStack() {
    controlPlane = new ControlPlane(ControlPlaneSettings.defaults());
    stack = EmbeddedStack.start(StackSettings.defaults("fly-contract-token-7f3a"), List.of(controlPlane));
    fly = connect();
  }

  @AfterAll
  void stopStack() throws Exception {
    disconnect();
    stack.close();
  }

  /** The backend under test, on {@link #stack}; its apps carry the prefix {@link #org()} (the control plane scopes tokens by it). */
  protected abstract FlyPort connect();

  /** Releases what {@link #connect()} opened. */
  protected void disconnect() throws Exception {}

  protected FlyPort fly() {
    return fly;
  }

  protected abstract String org();

  /** The REST backend on the same stack: the reference the other backends are checked against. */
  protected FlyMachinesRest rest() {
    return new FlyMachinesRest(stack.machinesApiUrl(), stack.machinesApiUrl(), stack.flyToken(), Duration.ofSeconds(3), BOOT, l -> {});
  }

  String app(String what) {
    return org() + "-" + what;
  }

  MachineInfo bootedMachine(String app) {
    fly().createApp(app, "personal");
    MachineInfo m = fly().createMachine(app, MachineSpec.of(IMAGE).region("syd").withEnv("DC_DOMAIN", "contract.test")
        .metadata(Map.of("fly_platform_version", "v2", "e2e_run", "contract")));
    return fly().awaitState(app, m.id(), "started", BOOT);
  }

  @Test
  void anAppIsCreatedFoundAndDestroyedAndAMissingOneIsNoError() {
    String app = app("apps");
    AppInfo created = fly().createApp(app, "personal");
    assertThat(created.name()).isEqualTo(app);
    assertThat(fly().findApp(app)).get().extracting(AppInfo::name, AppInfo::org).containsExactly(app, "personal");
    fly().destroyApp(app);
    assertThat(fly().findApp(app)).isEmpty();
    fly().destroyApp(app);
    assertThat(fly().findApp(app("never-made"))).isEmpty();
  }

  @Test
  void aMachineBootsWithItsSpecAndIsListedAsFlyReportsIt() {
    String app = app("boot");
    MachineInfo m = bootedMachine(app);
    assertThat(m.started()).isTrue();
    assertThat(m.image()).isEqualTo(IMAGE);
    assertThat(m.region()).isEqualTo("syd");
    assertThat(m.env()).containsEntry("DC_DOMAIN", "contract.test");
    assertThat(m.metadata()).containsEntry("e2e_run", "contract");
    assertThat(fly().listMachines(app)).extracting(MachineInfo::id, MachineInfo::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(m.id(), "started"));
    assertThat(rest().machine(app, m.id()).instanceId()).as("the same Machine the API sees").isEqualTo(fly().machine(app, m.id()).instanceId());
  }

  @Test
  void aMachineStopsStartsSuspendsAndIsDestroyed() {
    String app = app("life");
    MachineInfo m = bootedMachine(app);
    fly().stopMachine(app, m.id());
    assertThat(fly().awaitState(app, m.id(), "stopped", BOOT).state()).isEqualTo("stopped");
    fly().startMachine(app, m.id());
    assertThat(fly().awaitState(app, m.id(), "started", BOOT).started()).isTrue();
    fly().suspendMachine(app, m.id());
    assertThat(fly().awaitState(app, m.id(), "suspended", BOOT).state()).isEqualTo("suspended");
    fly().destroyMachine(app, m.id(), true);
    MachineInfo gone = fly().awaitState(app, m.id(), "destroyed", BOOT);
    assertThat(gone == null ? "reaped" : gone.state()).as("destroyed, or already reaped (fly-facts.md §10 #3)").isIn("destroyed", "reaped");
    assertThat(rest().listMachines(app)).allSatisfy(x -> assertThat(x.state()).isIn("destroyed", "destroying"));
  }

  @Test
  void anUpdateBootsANewVersionWithTheNewConfig() {
    String app = app("update");
    MachineInfo m = bootedMachine(app);
    MachineInfo updated = fly().updateMachine(app, m.id(), MachineSpec.of(IMAGE).region("syd").withEnv("DC_DOMAIN", "changed.test"));
    assertThat(updated.id()).isEqualTo(m.id());
    MachineInfo booted = fly().awaitState(app, m.id(), "started", BOOT);
    assertThat(booted.env()).containsEntry("DC_DOMAIN", "changed.test");
    assertThat(booted.instanceId()).isNotEqualTo(m.instanceId());

    com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) booted.raw().path("config").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) config.path("env")).put("EXTRA", "1");
    fly().updateMachineConfig(app, m.id(), config);
    assertThat(fly().awaitState(app, m.id(), "started", BOOT).env()).containsEntry("EXTRA", "1").containsEntry("DC_DOMAIN", "changed.test");
  }

  @Test
  void secretsAreSetListedByNameAndDigestAndUnsetAndTheMachinesRoll() {
    String app = app("secrets");
    MachineInfo m = bootedMachine(app);
    fly().setSecrets(app, Map.of("CLERK_SECRET_KEY", "sk_test_contract_1"));
    assertThat(fly().secretNames(app)).containsExactly("CLERK_SECRET_KEY");
    String digest = fly().secretDigests(app).get("CLERK_SECRET_KEY");
    assertThat(digest).isNotBlank().doesNotContain("sk_test_contract_1");
    MachineInfo rolled = fly().awaitState(app, m.id(), "started", BOOT);
    assertThat(rolled.instanceId()).as("secrets set rolls the Machines").isNotEqualTo(m.instanceId());
    fly().setSecrets(app, Map.of("CLERK_SECRET_KEY", "sk_test_contract_2"));
    assertThat(fly().secretDigests(app).get("CLERK_SECRET_KEY")).isNotEqualTo(digest);
    java.util.Map<String, String> unset = new java.util.HashMap<>();
    unset.put("CLERK_SECRET_KEY", null);
    fly().setSecrets(app, unset);
    assertThat(fly().secretNames(app)).isEmpty();
  }

  @Test
  void volumesAreCreatedAndListedAndCertificatesAdded() {
    String app = app("vol");
    fly().createApp(app, "personal");
    VolumeInfo v = fly().createVolume(app, "nfs_data", "syd", 3);
    assertThat(v.name()).isEqualTo("nfs_data");
    assertThat(v.sizeGb()).isEqualTo(3);
    assertThat(fly().listVolumes(app)).extracting(VolumeInfo::id).containsExactly(v.id());
    fly().addCertificate(app, app + ".contract.test");
  }

  @Test
  void logsAreBoundedNewestLastAndNeverTail() {
    String app = app("logs");
    MachineInfo m = bootedMachine(app);
    List<LogLine> all = rest().logs(app, m.id(), 1000);
    assertThat(all).hasSizeGreaterThan(2);
    assertThat(fly().logs(app, m.id(), 2)).containsExactlyElementsOf(all.subList(all.size() - 2, all.size()));
  }

  @Test
  void failuresKeepTheStatusCallersBranchOn() {
    String app = app("fail");
    MachineInfo m = bootedMachine(app);
    assertThatThrownBy(() -> fly().machine(app, "0000deadbeef00"))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(404)).hasMessageContaining(app);
    assertThatThrownBy(() -> fly().destroyMachine(app, m.id(), false))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(412)).hasMessageContaining(m.id());
    fly().stopMachine(app, m.id());
    fly().awaitState(app, m.id(), "stopped", BOOT);
    assertThatThrownBy(() -> fly().awaitState(app, m.id(), "started", Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(408)).hasMessageContaining(m.id());
  }
}
