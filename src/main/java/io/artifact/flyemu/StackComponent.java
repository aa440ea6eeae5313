package io.artifact.flyemu;

import java.util.Map;

/**
 * A part of the embedded stack beyond the Fly platform itself (edge proxy, Clerk issuer, MCP
 * control plane): started once the platform is up, stopped in reverse order.
 */
public interface StackComponent extends AutoCloseable {

  void start(EmbeddedStack stack) throws Exception;

  /** Named endpoints this component serves, printed by {@code stack up}. */
  Map<String, String> endpoints();

  @Override
  void close();
}
