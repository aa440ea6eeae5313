package io.artifact.e2e.killmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.EmbeddedStack;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue and the stack agree: every variant an image or stack setting implements is catalogued, and nothing else. */
class CatalogueTest {

  private final Catalogue catalogue = Catalogue.load();

  /** Each registered variant as the catalogue spells it: {@code image:tag} or {@code stack.key=value}. */
  private static Set<String> registered() {
    Set<String> all = new HashSet<>();
    EmbeddedStack.variants().forEach((owner, tags) -> tags.forEach(t -> all.add(owner + (owner.startsWith("stack.") ? "=" : ":") + t)));
    return all;
  }

  @Test
  void everyRegisteredVariantIsCataloguedAndEveryCataloguedOneExists() {
    Set<String> catalogued = new HashSet<>(catalogue.impl().images());
    catalogue.variants().forEach(e -> catalogued.add(e.variant()));
    assertThat(catalogued).as("catalogued variants (" + Catalogue.RESOURCE + ") vs the stack's registered ones")
        .containsExactlyInAnyOrderElementsOf(registered());
  }

  @Test
  void atLeastTwentyDefectsAcrossTheStacksComponents() {
    assertThat(catalogue.variants()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(catalogue.variants()).extracting(e -> e.variant().replaceFirst("[:=].*", ""))
        .contains("fly-router", "fly-exec", "fly-nfs", "host-coder", "stack.edge.defect", "stack.clerk.defect", "stack.mcp.defect");
    assertThat(catalogue.variants()).allSatisfy(e -> assertThat(e.description()).isNotBlank().doesNotContain("\n"));
  }

  @Test
  void guardingRowsAreTagExpressionsAndTheRowsToFailAreNamedByWords() {
    assertThat(catalogue.variants()).allSatisfy(e -> assertThat(e.caughtBy()).startsWith("@"));
    assertThat(catalogue.variants()).filteredOn(e -> e.rows() != null).allSatisfy(e -> assertThat(e.rows()).isNotEmpty().allSatisfy(w -> assertThat(w).isNotBlank()));
    assertThat(catalogue.impl().reproduces()).allSatisfy(g -> assertThat(g).matches("G\\d+"));
  }

  @Test
  void aVariantBecomesTheProfileOverrideThatPicksIt() {
    assertThat(Catalogue.overrides("fly-router:defect-skip-auth")).isEqualTo(Map.of("image.router", "registry.fly.io/fly-router:defect-skip-auth"));
    assertThat(Catalogue.overrides("host-coder:defect-no-views")).isEqualTo(Map.of("image.agent", "registry.fly.io/host-coder:defect-no-views"));
    assertThat(Catalogue.overrides("stack.mcp.defect=no-audit")).isEqualTo(Map.of("stack.mcp.defect", "no-audit"));
    assertThat(catalogue.impl().overrides()).containsOnlyKeys("image.router", "image.exec", "image.nfs");
    assertThatThrownBy(() -> Catalogue.overrides("fly-routr:defect-skip-auth")).hasMessageContaining("fly-routr:defect-skip-auth")
        .hasMessageContaining("neither <image>:<tag>");
  }
}
