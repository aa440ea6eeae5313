package io.artifact.flyemu.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EdgeDefectTest {

  @Test
  void noneOrBlankIsTheCorrectEdgeAndKnownDefectsParseByTheirWireName() {
    assertThat(EdgeDefect.parse(null)).isEqualTo(EdgeDefect.NONE);
    assertThat(EdgeDefect.parse(" none ")).isEqualTo(EdgeDefect.NONE);
    assertThat(EdgeDefect.parse("never-suspend")).isEqualTo(EdgeDefect.NEVER_SUSPEND);
    assertThat(EdgeDefect.NEVER_SUSPEND.wire()).isEqualTo("never-suspend");
  }

  @Test
  void aTypoIsRefusedNamingTheKnownDefects() {
    assertThatThrownBy(() -> EdgeDefect.parse("never-suspnd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown edge.defect 'never-suspnd'; known: none, never-suspend");
  }
}
