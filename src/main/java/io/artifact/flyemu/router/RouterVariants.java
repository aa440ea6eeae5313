package io.artifact.flyemu.router;

import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.ImageTags;
import io.artifact.flyemu.fly.Variants;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The {@code fly-router} image's tags → variants, in one place: each defect is one small
 * strategy a scenario must catch, and {@code impl} composes the ones that make up today's real
 * router (stack-contract.md §2.3–2.8, IMPL column of §8).
 */
public final class RouterVariants {

  /** Signed-out callers pass as the subject their token claims, or as {@code test-computer}. */
  static final RouterVariant SKIP_AUTH = new RouterVariant() {
    @Override
    public Gate gate(Gate doc, Map<String, String> env, Consumer<String> logError) {
      return request -> new Gate.Outcome(Unverified.subject(request).orElse(ImplAuthGate.TEST_COMPUTER), null);
    }
  };

  /** The replay names another agent's Machine, or an id nobody has. */
  static final RouterVariant WRONG_INSTANCE = new RouterVariant() {
    @Override
    public UnaryOperator<String> replayTarget(UnaryOperator<String> doc, ComputerStore store) {
      return id -> WrongInstance.other(store, doc.apply(id));
    }
  };

  /** An NFS outage is the real router's 500, no back-off (G20 IMPL). */
  static final RouterVariant NO_BACKOFF = new RouterVariant() {
    @Override
    public UnaryOperator<HttpResponse> answers(UnaryOperator<HttpResponse> doc) {
      return r -> RouterErrors.withoutBackoff(doc.apply(r));
    }
  };

  /** An NFS outage past the grace period raises no alert. */
  static final RouterVariant NO_ALERT = new RouterVariant() {
    @Override
    public Alarm alarm(Alarm doc) {
      return Alarm.silent();
    }
  };

  /** One kick, no retry under network faults. */
  static final RouterVariant NO_KICK_RETRY = new RouterVariant() {
    @Override
    public ExecPort kicks(ExecPort retrying, ExecPort once) {
      return once;
    }
  };

  /** A secret key Clerk refuses lets tokens in unverified. */
  static final RouterVariant ANY_SECRET = new RouterVariant() {
    @Override
    public Optional<ClerkAuthenticator> clerk(Optional<ClerkAuthenticator> doc) {
      return doc.map(AnySecretClerk::new);
    }
  };

  /** G1 and G4 IMPL: signed-out callers are served as {@code test-computer}; a missing key is a 500. */
  static final RouterVariant IMPL_AUTH = new RouterVariant() {
    @Override
    public Gate gate(Gate doc, Map<String, String> env, Consumer<String> logError) {
      return new ImplAuthGate(doc, env, logError);
    }
  };

  /** G5 IMPL: an unknown computer is the uncaught stat error, a 500. */
  static final RouterVariant UNKNOWN_COMPUTER_500 = new RouterVariant() {
    @Override
    public UnaryOperator<HttpResponse> answers(UnaryOperator<HttpResponse> doc) {
      return r -> RouterErrors.computerNotFoundAsStatError(doc.apply(r));
    }
  };

  static final Variants<RouterVariant> VARIANTS = Variants.doc(RouterVariant.DOC)
      .variant("defect-skip-auth", SKIP_AUTH)
      .variant("defect-wrong-instance", WRONG_INSTANCE)
      .variant("defect-no-backoff", NO_BACKOFF)
      .variant("defect-no-alert", NO_ALERT)
      .variant("defect-no-kick-retry", NO_KICK_RETRY)
      .variant("defect-any-secret", ANY_SECRET)
      .variant(ImageTags.IMPL, RouterVariant.all(IMPL_AUTH, UNKNOWN_COMPUTER_500, NO_KICK_RETRY, NO_BACKOFF, NO_ALERT));

  private RouterVariants() {}

  /** The variant tags the image answers to besides its version tags. */
  public static java.util.Set<String> tags() {
    return VARIANTS.tags();
  }
}
