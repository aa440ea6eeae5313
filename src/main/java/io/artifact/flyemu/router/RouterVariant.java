package io.artifact.flyemu.router;

import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.Variants;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How one {@code fly-router} image differs from the documented router. Each method is handed the
 * DOC part and returns the part the image runs; the defaults return it unchanged, so the DOC
 * router is {@link #DOC} and a defect overrides the one part it breaks. {@link RouterVariants}
 * maps tags to variants.
 */
interface RouterVariant {

  RouterVariant DOC = new RouterVariant() {};

  /** Clerk as the router's middleware sees it. */
  default Optional<ClerkAuthenticator> clerk(Optional<ClerkAuthenticator> doc) {
    return doc;
  }

  /** The authentication step (DOC: {@link ClerkGate}). */
  default Gate gate(Gate doc, Map<String, String> env, Consumer<String> logError) {
    return doc;
  }

  /** The kick the agent host waits for: DOC retries a kick lost on the way ({@link KickRetry}). */
  default ExecPort kicks(ExecPort retrying, ExecPort once) {
    return retrying;
  }

  /** Which worker Machine the agent host replays to, given the one serving the agent. */
  default UnaryOperator<String> replayTarget(UnaryOperator<String> doc, ComputerStore store) {
    return doc;
  }

  /** The answer as the image gives it, after the flow produced it. */
  default UnaryOperator<HttpResponse> answers(UnaryOperator<HttpResponse> doc) {
    return doc;
  }

  /** Where an NFS outage past the grace period is raised. */
  default Alarm alarm(Alarm doc) {
    return doc;
  }

  /** Who may reach which computer (DOC: {@link AccessCheck#OWN_COMPUTER_ONLY}). */
  default AccessCheck access(AccessCheck doc) {
    return doc;
  }

  /** Several variants at once, applied in order (each decorates what the one before returned). */
  static RouterVariant all(RouterVariant... parts) {
    List<RouterVariant> ps = Arrays.asList(parts);
    return new RouterVariant() {
      @Override
      public Optional<ClerkAuthenticator> clerk(Optional<ClerkAuthenticator> doc) {
        return Variants.fold(ps, doc, RouterVariant::clerk);
      }

      @Override
      public Gate gate(Gate doc, Map<String, String> env, Consumer<String> logError) {
        return Variants.fold(ps, doc, (p, g) -> p.gate(g, env, logError));
      }

      @Override
      public ExecPort kicks(ExecPort retrying, ExecPort once) {
        return Variants.fold(ps, retrying, (p, k) -> p.kicks(k, once));
      }

      @Override
      public UnaryOperator<String> replayTarget(UnaryOperator<String> doc, ComputerStore store) {
        return Variants.fold(ps, doc, (p, t) -> p.replayTarget(t, store));
      }

      @Override
      public UnaryOperator<HttpResponse> answers(UnaryOperator<HttpResponse> doc) {
        return Variants.fold(ps, doc, RouterVariant::answers);
      }

      @Override
      public Alarm alarm(Alarm doc) {
        return Variants.fold(ps, doc, RouterVariant::alarm);
      }

      @Override
      public AccessCheck access(AccessCheck doc) {
        return Variants.fold(ps, doc, RouterVariant::access);
      }
    };
  }
}
