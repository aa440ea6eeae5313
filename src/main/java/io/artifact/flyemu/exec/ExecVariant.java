package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.fly.Variants;
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

  /** What a failed boot, a stopped instance and a stopped Machine make the reconciler do. */
  default Reconciler.Strategies strategies(Reconciler.Strategies doc) {
    return doc;
  }

  /** Which release a new worker Machine gets, from the agent image's manifests on {@code root}. */
  default Releases releases(Releases doc, NfsRoot root, String agentImage) {
    return doc;
  }

  default Alarm alarm(Alarm doc) {
    return doc;
  }

  default NfsOutages nfsOutages(NfsOutages doc) {
    return doc;
  }

  /** Several variants at once, applied in order. */
  static ExecVariant all(ExecVariant... parts) {
    List<ExecVariant> ps = Arrays.asList(parts);
    return new ExecVariant() {
      @Override
      public Reconciler.Strategies strategies(Reconciler.Strategies doc) {
        return Variants.fold(ps, doc, ExecVariant::strategies);
      }

      @Override
      public Releases releases(Releases doc, NfsRoot root, String agentImage) {
        return Variants.fold(ps, doc, (p, r) -> p.releases(r, root, agentImage));
      }

      @Override
      public Alarm alarm(Alarm doc) {
        return Variants.fold(ps, doc, ExecVariant::alarm);
      }

      @Override
      public NfsOutages nfsOutages(NfsOutages doc) {
        return Variants.fold(ps, doc, ExecVariant::nfsOutages);
      }
    };
  }
}
