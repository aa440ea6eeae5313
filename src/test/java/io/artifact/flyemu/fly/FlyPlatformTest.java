package io.artifact.flyemu.fly;

import static io.artifact.flyemu.fly.PlatformFixture.APP_IMAGE;
import static io.artifact.flyemu.fly.PlatformFixture.BOOT;
import static io.artifact.flyemu.fly.PlatformFixture.STOP;
import static io.artifact.flyemu.fly.PlatformFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps, secrets into Machine env, volumes, certificates and tokens of the embedded platform. */
class FlyPlatformTest {

  @TempDir Path dataDir;
  private PlatformFixture p;

  @BeforeEach
  void setUp() {
    p = new PlatformFixture(dataDir);
  }

  /** An app-image config that mounts {@code volume} (an id or a name) at /data. */
  private static ObjectNode mountingAtData(String volume) {
    ObjectNode cfg = config(APP_IMAGE);
    cfg.putArray("mounts").addObject().put("volume", volume).put("path", "/data");
    return cfg;
  }

  private static PlatformException.Kind kindOf(Runnable r) {
    try {
      r.run();
    } catch (PlatformException e) {
      return e.kind();
    }
    throw new AssertionError("expected a PlatformException");
  }

  @Test
  void aTakenAppNameIsUnprocessable() {
    p.fly.createApp("org1-app", "personal");
    assertThatThrownBy(() -> p.fly.createApp("org1-app", "other"))
        .hasMessage("Validation failed: Name has already been taken");
    assertThat(kindOf(() -> p.fly.createApp("org1-app", "other"))).isEqualTo(PlatformException.Kind.UNPROCESSABLE);
  }

  @Test
  void anUnknownAppIsNotFound() {
    assertThatThrownBy(() -> p.fly.app("nope-app")).hasMessage("app not found");
    assertThat(kindOf(() -> p.fly.machines("nope-app", false))).isEqualTo(PlatformException.Kind.NOT_FOUND);
  }

  @Test
  void anUnknownImageIsRefusedAtCreate() {
    p.fly.createApp("org1-app", "personal");
    assertThatThrownBy(() -> p.fly.createMachine("org1-app", null, null, config("registry.fly.io/nope:v1"), false))
        .hasMessageContaining("NAME_UNKNOWN");
    assertThat(kindOf(() -> p.fly.createMachine("org1-app", null, null, config("registry.fly.io/app:nonsense"), false)))
        .isEqualTo(PlatformException.Kind.UNPROCESSABLE);
    assertThat(p.fly.machines("org1-app", true)).isEmpty();
  }

  @Test
  void machineNamesAreUniquePerApp() {
    p.fly.createApp("org1-app", "personal");
    p.fly.createMachine("org1-app", "worker-1", null, config(APP_IMAGE), true);
    assertThat(kindOf(() -> p.fly.createMachine("org1-app", "worker-1", null, config(APP_IMAGE), true)))
        .isEqualTo(PlatformException.Kind.CONFLICT);
  }

  @Test
  void theMachineEnvHoldsConfigEnvAppSecretsAndFlyVariables() {
    p.fly.createApp("org1-app", "personal");
    p.fly.setSecrets("org1-app", Map.of("CLERK_SECRET_KEY", "sk_test_1"));
    ObjectNode cfg = config(APP_IMAGE);
    cfg.putObject("env").put("PORT", "8080");
    cfg.putObject("metadata").put("fly_process_group", "worker");
    Machine m = p.createMachine("org1-app", cfg);
    p.clock.advance(BOOT);

    MachineRuntime rt = p.lastProgram().runtime();
    assertThat(rt.env()).containsEntry("PORT", "8080").containsEntry("CLERK_SECRET_KEY", "sk_test_1")
        .containsEntry("FLY_APP_NAME", "org1-app").containsEntry("FLY_MACHINE_ID", m.id())
        .containsEntry("FLY_REGION", "syd").containsEntry("FLY_IMAGE_REF", APP_IMAGE)
        .containsEntry("FLY_MACHINE_VERSION", m.instanceId()).containsEntry("FLY_PRIVATE_IP", m.privateIp())
        .containsEntry("FLY_PROCESS_GROUP", "worker");
  }

  @Test
  void secretsAreSnapshotAtCreateAndRefreshedOnlyByAnUpdate() {
    p.fly.createApp("org1-app", "personal");
    p.fly.setSecrets("org1-app", Map.of("CLERK_SECRET_KEY", "old"));
    Machine m = p.createMachine("org1-app", config(APP_IMAGE));
    p.clock.advance(BOOT);
    p.fly.setSecrets("org1-app", Map.of("CLERK_SECRET_KEY", "new"));

    m.restart();
    p.clock.advance(BOOT);
    assertThat(p.lastProgram().runtime().env()).as("a restart keeps the create-time snapshot")
        .containsEntry("CLERK_SECRET_KEY", "old");

    p.fly.updateMachine("org1-app", m.id(), config(APP_IMAGE), false);
    p.clock.advance(BOOT);
    assertThat(p.lastProgram().runtime().env()).containsEntry("CLERK_SECRET_KEY", "new");
  }

  @Test
  void bulkSecretsSetAndUnsetInOneVersion() {
    p.fly.createApp("org1-app", "personal");
    int v1 = p.fly.setSecrets("org1-app", Map.of("A", "x", "B", "y"));
    Map<String, String> change = new HashMap<>();
    change.put("A", "z");
    change.put("B", null);
    int v2 = p.fly.setSecrets("org1-app", change);

    assertThat(v2).isEqualTo(v1 + 1);
    assertThat(p.fly.app("org1-app").secretValues()).containsExactly(Map.entry("A", "z"));
    assertThat(p.fly.app("org1-app").secrets()).singleElement()
        .satisfies(s -> assertThat(s.digest()).isEqualTo(Ids.digest("z")).doesNotContain("z"));
  }

  @Test
  void unsettingAnUnknownSecretIsNotFound() {
    p.fly.createApp("org1-app", "personal");
    assertThat(kindOf(() -> p.fly.unsetSecret("org1-app", "NOPE"))).isEqualTo(PlatformException.Kind.NOT_FOUND);
  }

  @Test
  void aMountedVolumeIsVisibleToTheProgramAndAttachedToItsMachine() {
    p.fly.createApp("org1-nfs", "personal");
    Volume v = p.fly.createVolume("org1-nfs", "nfsdata", "syd", 1);
    ObjectNode cfg = mountingAtData("nfsdata");
    Machine m = p.createMachine("org1-nfs", cfg);
    p.clock.advance(BOOT);

    assertThat(v.attachedMachineId()).isEqualTo(m.id());
    assertThat(m.config().path("mounts").get(0).path("volume").asText()).as("the name resolves to the volume id").isEqualTo(v.id());
    assertThat(p.lastProgram().runtime().volume("/data")).contains(v.directory());
    assertThat(p.lastProgram().runtime().volume("/other")).isEmpty();
    assertThat(Files.isDirectory(v.directory())).isTrue();
  }

  @Test
  void aSecondAttachOfTheSameVolumeIsRefused() {
    p.fly.createApp("org1-nfs", "personal");
    Volume v = p.fly.createVolume("org1-nfs", "nfsdata", "syd", 1);
    ObjectNode cfg = mountingAtData(v.id());
    p.createMachine("org1-nfs", cfg);

    assertThatThrownBy(() -> p.fly.createMachine("org1-nfs", null, null, cfg.deepCopy(), false))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.PRECONDITION))
        .hasMessageContaining("already attached");
    assertThat(p.fly.machines("org1-nfs", false)).hasSize(1);
  }

  @Test
  void aVolumeIsFreeAgainOnceItsMachineIsDestroyed() {
    p.fly.createApp("org1-nfs", "personal");
    Volume v = p.fly.createVolume("org1-nfs", "nfsdata", "syd", 1);
    ObjectNode cfg = mountingAtData(v.id());
    Machine first = p.createMachine("org1-nfs", cfg);
    assertThat(kindOf(() -> p.fly.deleteVolume("org1-nfs", v.id()))).isEqualTo(PlatformException.Kind.PRECONDITION);

    first.destroy(true);
    p.clock.advance(STOP);
    assertThat(v.attachedMachineId()).as("detached when its Machine was destroyed").isNull();
    Machine second = p.createMachine("org1-nfs", cfg.deepCopy());
    assertThat(v.attachedMachineId()).isEqualTo(second.id());
  }

  @Test
  void deletingAVolumeRemovesItsDirectory() {
    p.fly.createApp("org1-nfs", "personal");
    Volume v = p.fly.createVolume("org1-nfs", "nfsdata", "syd", 1);
    p.fly.deleteVolume("org1-nfs", v.id());
    assertThat(v.directory()).doesNotExist();
    assertThat(p.fly.app("org1-nfs").volumes()).isEmpty();
  }

  @Test
  void aMountOfAnUnknownVolumeIsInvalid() {
    p.fly.createApp("org1-nfs", "personal");
    ObjectNode cfg = mountingAtData("vol_nope");
    assertThat(kindOf(() -> p.fly.createMachine("org1-nfs", null, null, cfg, false))).isEqualTo(PlatformException.Kind.INVALID);
  }

  @Test
  void appForHostnamePrefersAnExactCertificateOverAWildcard() {
    p.fly.createApp("org1-router", "personal");
    p.fly.createApp("org1-www", "personal");
    p.fly.addCertificate("org1-router", "*.Example.test");
    p.fly.addCertificate("org1-www", "www.example.test");

    assertThat(p.fly.appForHostname("WWW.example.test")).map(App::name).contains("org1-www");
    assertThat(p.fly.appForHostname("alice.example.test")).map(App::name).contains("org1-router");
    assertThat(p.fly.appForHostname("a.b.example.test")).as("a wildcard covers one label").isEmpty();
    assertThat(p.fly.appForHostname("example.test")).isEmpty();
  }

  @Test
  void removingAnUnknownCertificateIsNotFound() {
    p.fly.createApp("org1-router", "personal");
    assertThat(kindOf(() -> p.fly.removeCertificate("org1-router", "x.example.test"))).isEqualTo(PlatformException.Kind.NOT_FOUND);
  }

  @Test
  void onlyAllowedTokensAuthenticate() {
    p.fly.authenticate(PlatformFixture.TOKEN);
    assertThat(kindOf(() -> p.fly.authenticate("fo1_wrong"))).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    assertThat(kindOf(() -> p.fly.authenticate(null))).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    p.fly.revokeToken(PlatformFixture.TOKEN);
    assertThat(kindOf(() -> p.fly.authenticate(PlatformFixture.TOKEN))).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
  }

  @Test
  void deletingAnAppWithRunningMachinesNeedsForce() {
    Machine m = p.startedMachine("org1-app");
    assertThat(kindOf(() -> p.fly.deleteApp("org1-app", false))).isEqualTo(PlatformException.Kind.PRECONDITION);
    FakeProgram program = p.lastProgram();

    p.fly.deleteApp("org1-app", true);
    p.clock.advance(STOP);
    assertThat(p.fly.findApp("org1-app")).isEmpty();
    assertThat(m.state()).isEqualTo(MachineState.DESTROYED);
    assertThat(program.shutDown()).isTrue();
  }
}
