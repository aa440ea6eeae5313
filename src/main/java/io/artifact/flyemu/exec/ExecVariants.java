package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.Alarm;
import io.artifact.flyemu.fly.ImageTags;
import io.artifact.flyemu.fly.Variants;
import io.artifact.flyemu.nfs.NfsRoot;
import java.util.Set;

/**
 * The {@code fly-exec} image's tags → variants, in one place: each defect is one small strategy a
 * scenario must catch; {@code impl} composes the ones that make up today's real exec
 * (stack-contract.md §3, §5, IMPL column of §8).
 */
public final class ExecVariants {

  /** A Machine that dies mid-boot leaves its instance {@code starting} for good (G12 IMPL). */
  static final ExecVariant NO_RETRY = new ExecVariant() {
    @Override
    public Reconciler.Strategies strategies(Reconciler.Strategies doc) {
      return doc.with(FailedBoots.GIVE_UP);
    }
  };

  /** An instance marked stopped keeps its Machine and file (worse than G28 IMPL, which stops running ones). */
  static final ExecVariant IGNORE_STOPPED = new ExecVariant() {
    @Override
    public Reconciler.Strategies strategies(Reconciler.Strategies doc) {
      return doc.with(StoppedInstances.IGNORE);
    }
  };

  /** A Machine stopped behind exec's back stays {@code running} in the file (G14 IMPL). */
  static final ExecVariant NO_REHYDRATE = new ExecVariant() {
    @Override
    public Reconciler.Strategies strategies(Reconciler.Strategies doc) {
      return doc.with(StoppedMachines.LEAVE);
    }
  };

  /** An NFS outage past the grace period raises no alert. */
  static final ExecVariant NO_ALERT = new ExecVariant() {
    @Override
    public Alarm alarm(Alarm doc) {
      return Alarm.silent();
    }
  };

  /** An NFS outage is a 500 like any file-system error, and the change is never retried (G20 IMPL). */
  static final ExecVariant NO_BACKOFF = new ExecVariant() {
    @Override
    public NfsOutages nfsOutages(NfsOutages doc) {
      return NfsOutages.FAIL;
    }
  };

  /** A manifest is taken as it reads: bad JSON, a missing memory size, an image nobody has. */
  static final ExecVariant ACCEPTS_MALFORMED_RELEASE = new ExecVariant() {
    @Override
    public Releases releases(Releases doc, NfsRoot root, String agentImage) {
      return new UncheckedReleases(root, agentImage);
    }
  };

  /** The release exec saw first, forever. */
  static final ExecVariant STALE_RELEASE = new ExecVariant() {
    @Override
    public Releases releases(Releases doc, NfsRoot root, String agentImage) {
      return Releases.firstOnly(doc);
    }
  };

  /** Exec never reads the manifests: the record the router queued is what the Machine gets (G16/G17 IMPL). */
  static final ExecVariant RELEASES_AS_QUEUED = new ExecVariant() {
    @Override
    public Releases releases(Releases doc, NfsRoot root, String agentImage) {
      return Releases.asQueued();
    }
  };

  static final Variants<ExecVariant> VARIANTS = Variants.doc(ExecVariant.DOC)
      .variant("defect-no-retry", NO_RETRY)
      .variant("defect-ignore-stopped", IGNORE_STOPPED)
      .variant("defect-no-rehydrate", NO_REHYDRATE)
      .variant("defect-no-alert", NO_ALERT)
      .variant("defect-no-backoff", NO_BACKOFF)
      .variant("defect-accepts-malformed-release", ACCEPTS_MALFORMED_RELEASE)
      .variant("defect-stale-release", STALE_RELEASE)
      .variant(ImageTags.IMPL, ExecVariant.all(NO_RETRY, NO_REHYDRATE, RELEASES_AS_QUEUED, NO_ALERT, NO_BACKOFF));

  private ExecVariants() {}

  /** The variant tags the image answers to besides its version tags. */
  public static Set<String> tags() {
    return VARIANTS.tags();
  }
}
