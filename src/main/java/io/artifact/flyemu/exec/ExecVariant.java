package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.nfs.NfsRoot;
import java.util.Arrays;
import java.util.List;

/**
 * How one {@code fly-exec} image differs from the documented exec: each method is handed the DOC
 * part and returns the part the image runs (defaults: unchanged). {@link ExecVariants} maps tags
 * to variants.
 */
interface ExecVariant {

  ExecVariant DOC = new ExecVariant() {};

  /** The reconcile policy: retries, stopped instances, rehydration. */
  default Reconciler.Behaviour behaviour(Reconciler.Behaviour doc) {
    return doc;
  }

  /** Which release a new worker Machine gets, from the agent image's manifests on {@code root}. */
  default Releases releases(Releases doc, NfsRoot root, String agentImage) {
    return doc;
  }

  default Alarm alarm(Alarm doc) {
    return doc;
  }

  /** Several variants at once, applied in order. */
  static ExecVariant all(ExecVariant... parts) {
    List<ExecVariant> ps = Arrays.asList(parts);
    return new ExecVariant() {
      @Override
      public Reconciler.Behaviour behaviour(Reconciler.Behaviour doc) {
        Reconciler.Behaviour b = doc;
        for (ExecVariant p : ps) b = p.behaviour(b);
        return b;
      }

      @Override
      public Releases releases(Releases doc, NfsRoot root, String agentImage) {
        Releases r = doc;
        for (ExecVariant p : ps) r = p.releases(r, root, agentImage);
        return r;
      }

      @Override
      public Alarm alarm(Alarm doc) {
        Alarm a = doc;
        for (ExecVariant p : ps) a = p.alarm(a);
        return a;
      }
    };
  }
}
