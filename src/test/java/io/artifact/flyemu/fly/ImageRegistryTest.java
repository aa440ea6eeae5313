package io.artifact.flyemu.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Strict image resolution: only registered names, with the tags their behaviour answers to. */
class ImageRegistryTest {

  private final ImageRegistry images = new ImageRegistry()
      .register("fly-router", Set.of("defect-skip-auth"), ref -> new MachineProgram() {})
      .register("host-coder", ref -> new MachineProgram() {});

  private boolean knows(String ref) {
    return images.knows(ImageRef.parse(ref));
  }

  @Test
  void anUnknownNameIsNotInTheRegistry() {
    assertThat(images.pullError(ImageRef.parse("registry.fly.io/fly-routr:doc"))).hasValue(
        "unable to resolve image registry.fly.io/fly-routr:doc: NAME_UNKNOWN: repository name not known to registry"
            + " (known images: fly-router, host-coder)");
  }

  @Test
  void anUnknownTagHasNoManifest() {
    for (String tag : new String[] {"impl", "nonsense", "defect-skip-auht", "defect-no-retry", "w", "bench"}) {
      assertThat(images.pullError(ImageRef.parse("registry.fly.io/fly-router:" + tag))).as(tag)
          .hasValueSatisfying(e -> assertThat(e).startsWith("unable to resolve image registry.fly.io/fly-router:" + tag
              + ": MANIFEST_UNKNOWN: manifest unknown (tags of fly-router: latest, doc, <version>, deployment-<id>, defect-skip-auth)"));
    }
    assertThat(knows("registry.fly.io/host-coder:defect-skip-auth")).as("a defect only the router implements").isFalse();
  }

  @Test
  void aDefectTagTheBehaviourImplementsResolves() {
    assertThat(knows("registry.fly.io/fly-router:defect-skip-auth")).isTrue();
    assertThat(images.programFor(ImageRef.parse("registry.fly.io/fly-router:defect-skip-auth"))).isNotNull();
  }

  @Test
  void ordinaryVersionTagsResolveOnEveryImage() {
    for (String tag : new String[] {"latest", "doc", "7", "2.4", "v1", "v1.2.3", "1.2.3-rc.1", "deployment-01HEPA330HZ37A78TK080NAK1M"}) {
      assertThat(knows("registry.fly.io/host-coder:" + tag)).as(tag).isTrue();
    }
    assertThat(knows("registry.fly.io/host-coder")).as("no tag means latest").isTrue();
    assertThat(knows("registry.fly.io/host-coder@sha256:" + "a".repeat(64))).as("a digest pin").isTrue();
  }

  @Test
  void aProgramIsNeverBuiltForAnUnresolvableImage() {
    assertThatThrownBy(() -> images.programFor(ImageRef.parse("registry.fly.io/fly-router:nonsense")))
        .isInstanceOf(PlatformException.class).hasMessageContaining("MANIFEST_UNKNOWN");
  }

  @Test
  void externalReferencesResolveOnlyWhenEnabledAndWellFormed() {
    assertThat(images.pullError(ImageRef.parse("external+http://127.0.0.1:18080")))
        .hasValueSatisfying(e -> assertThat(e).contains("NAME_UNKNOWN: external images are not enabled"));
    images.external(ref -> new MachineProgram() {});
    assertThat(knows("external+http://127.0.0.1:18080")).isTrue();
    assertThat(knows("external+https://router.example.com")).isTrue();
    assertThat(images.pullError(ImageRef.parse("external+ftp://127.0.0.1:21")))
        .hasValueSatisfying(e -> assertThat(e).contains("invalid reference: use external+http://<host>:<port>"));
    assertThat(knows("external+http://")).isFalse();
  }

  @Test
  void aBehaviourCanOnlyDeclareDefectTags() {
    assertThatThrownBy(() -> images.register("x", Set.of("skip-auth"), ref -> new MachineProgram() {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
