package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.NfsRoot;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Which release a new worker Machine is created from. DOC (stack-contract.md §5, §8 G17): exec
 * reads the release manifests itself, rejects malformed ones and has the last word; IMPL took the
 * record the router copied into the instance file, which is what {@link #asQueued()} does.
 */
public interface Releases {

  /** Tag {@code defect-accepts-malformed-release}: the manifest as it reads, unchecked. */
  String ACCEPTS_MALFORMED = "defect-accepts-malformed-release";
  /** Tag {@code defect-stale-release}: the release exec saw first, forever. */
  String STALE = "defect-stale-release";
  Set<String> DEFECTS = Set.of(ACCEPTS_MALFORMED, STALE);

  /** The record the instance's Machine is created from; {@code queuedWith} is the router's snapshot. */
  ImageRecord forNewMachine(ImageRecord queuedWith);

  /** Fly cannot pull the record's image: true when its release was rejected and an older one is left to try. */
  default boolean unpullable(ImageRecord record, String why) {
    return false;
  }

  static Releases asQueued() {
    return queuedWith -> queuedWith;
  }

  /**
   * The releases of the agent image ({@code DC_AGENT_IMAGE}, {@code host-coder} as the router
   * defaults it) on the share exec mounts, as the exec image's tag has it behave.
   */
  static Releases of(String imageTag, AppRuntime rt, NfsRoot root) {
    String name = rt.env("DC_AGENT_IMAGE").orElse("host-coder");
    Consumer<String> log = rt::log;
    return switch (imageTag) {
      case ACCEPTS_MALFORMED -> new UncheckedReleases(root, name);
      case STALE -> firstOnly(new ManifestReleases(root, name, log));
      default -> new ManifestReleases(root, name, log);
    };
  }

  /** The first answer, forever: releases published later never reach new agents. */
  static Releases firstOnly(Releases releases) {
    AtomicReference<ImageRecord> first = new AtomicReference<>();
    return queuedWith -> first.updateAndGet(f -> f != null ? f : releases.forNewMachine(queuedWith));
  }
}
