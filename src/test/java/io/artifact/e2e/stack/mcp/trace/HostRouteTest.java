package io.artifact.e2e.stack.mcp.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The router's host rules as router_trace reads them (stack-contract.md §2.1). */
class HostRouteTest {

  static final String BASE = "agentic.dreamcatcher.land";

  @Test
  void classifiesBaseComputerAndAgentHostsCaseInsensitively() {
    assertThat(HostRoute.classify("Agentic.Dreamcatcher.Land", BASE).kind()).isEqualTo("base");
    assertThat(HostRoute.classify("user_2abc.agentic.dreamcatcher.land", BASE)).isEqualTo(new HostRoute("computer", "user_2abc", null, null));
    assertThat(HostRoute.classify("Brave-Otter--User_2abc.agentic.dreamcatcher.land:8443", BASE))
        .isEqualTo(new HostRoute("agent", "user_2abc", "brave-otter", null));
  }

  @Test
  void reportsTheRoutersExactErrorMessages() {
    assertThat(HostRoute.classify("evilagentic.dreamcatcher.land", BASE).error())
        .isEqualTo("hostname mismatch: evilagentic.dreamcatcher.land !endsWith agentic.dreamcatcher.land");
    assertThat(HostRoute.classify("a.b.agentic.dreamcatcher.land", BASE).error()).isEqualTo("subdomain contains a dot");
    assertThat(HostRoute.classify("a--b--c.agentic.dreamcatcher.land", BASE).error()).isEqualTo("subdomain does not contain exactly one --");
  }

  @Test
  void splitsOnTheFirstDoubleDashLikeTheRouter() {
    assertThat(HostRoute.classify("a---b.agentic.dreamcatcher.land", BASE)).isEqualTo(new HostRoute("agent", "-b", "a", null));
    assertThat(HostRoute.classify("--x.agentic.dreamcatcher.land", BASE)).isEqualTo(new HostRoute("agent", "x", "", null));
  }
}
