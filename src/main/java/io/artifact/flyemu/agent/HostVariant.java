package io.artifact.flyemu.agent;

import io.artifact.flyemu.fly.Variants;
import io.artifact.flyemu.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * How one agent host image ({@code host-coder}, {@code host-basic}) differs from the documented
 * supervisor (stack-contract.md §4.3): each method is handed the DOC part and returns what the
 * image does (defaults: unchanged). {@link #VARIANTS} maps the tags in one place.
 */
interface HostVariant {

  HostVariant DOC = new HostVariant() {};

  /** The answer to a user's visit once the agent is loaded. */
  default HttpResponse page(HttpResponse doc) {
    return doc;
  }

  /** Why {@code load} fails for this agent, or empty to load it. */
  default Optional<String> refuseLoad(AgentHost.Loaded agent) {
    return Optional.empty();
  }

  /** The agent is loaded, but the supervisor never serves a view of it. */
  HostVariant NO_VIEWS = new HostVariant() {
    @Override
    public HttpResponse page(HttpResponse doc) {
      return HttpResponse.text(503, "Agent has no active views yet");
    }
  };

  /** Every {@code load} fails, as a supervisor whose agent cannot start. */
  HostVariant LOAD_FAILS = new HostVariant() {
    @Override
    public Optional<String> refuseLoad(AgentHost.Loaded agent) {
      return Optional.of("agent " + agent.agentId() + " exited during start (code 1)");
    }
  };

  Variants<HostVariant> VARIANTS = Variants.doc(DOC)
      .variant("defect-no-views", NO_VIEWS)
      .variant("defect-load-fails", LOAD_FAILS);

  static Set<String> tags() {
    return VARIANTS.tags();
  }
}
