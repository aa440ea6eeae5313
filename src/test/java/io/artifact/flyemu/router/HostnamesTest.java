package io.artifact.flyemu.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostnamesTest {

  static final String BASE = "agentic.example";

  @Test
  void theBareBaseIsTheBaseDomainWhateverItsCase() {
    assertThat(Hostnames.classify("Agentic.Example", BASE)).isEqualTo(new Host.Base());
  }

  @Test
  void oneLabelWithoutDoubleDashIsAComputer() {
    assertThat(Hostnames.classify("user_2abc.agentic.example", BASE)).isEqualTo(new Host.Computer("user_2abc"));
  }

  @Test
  void agentAndComputerAreSplitOnTheDoubleDash() {
    assertThat(Hostnames.classify("Brave-Otter--user_2abc.agentic.example", BASE)).isEqualTo(new Host.Agent("brave-otter", "user_2abc"));
  }

  @Test
  void edgeCasesSplitLikeTheRealRouter() {
    assertThat(Hostnames.classify("a---b.agentic.example", BASE)).isEqualTo(new Host.Agent("a", "-b"));
    assertThat(Hostnames.classify("--x.agentic.example", BASE)).isEqualTo(new Host.Agent("", "x"));
  }

  @Test
  void foreignHostsAndLabelSuffixTricksAreMismatches() {
    assertThatThrownBy(() -> Hostnames.classify("evilagentic.example", BASE))
        .hasMessage("hostname mismatch: evilagentic.example !endsWith agentic.example");
    assertThatThrownBy(() -> Hostnames.classify("org1-fly-router.fly.dev", BASE)).hasMessageStartingWith("hostname mismatch");
  }

  @Test
  void malformedSubdomainsAreRejectedWithTheRouterMessages() {
    assertThatThrownBy(() -> Hostnames.classify("a.b.agentic.example", BASE)).hasMessage("subdomain contains a dot");
    assertThatThrownBy(() -> Hostnames.classify("a--b--c.agentic.example", BASE)).hasMessage("subdomain does not contain exactly one --");
    assertThatThrownBy(() -> Hostnames.classify(".agentic.example", BASE)).hasMessage("subdomain is empty");
  }
}
