package io.artifact.flyemu.exec;

import io.artifact.flyemu.nfs.ImageRecord;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which release a new worker Machine is created from. DOC (stack-contract.md §5, §8 G17): exec
 * reads the release manifests itself, rejects malformed ones and has the last word; IMPL took the
 * record the router copied into the instance file, which is what {@link #asQueued()} does.
 */
public interface Releases {

  /** The record the instance's Machine is created from; {@code queuedWith} is the router's snapshot. */
  ImageRecord forNewMachine(ImageRecord queuedWith);

  /** Fly cannot pull the record's image: true when its release was rejected and an older one is left to try. */
  default boolean unpullable(ImageRecord record, String why) {
    return false;
  }

  static Releases asQueued() {
    return queuedWith -> queuedWith;
  }

  /** The first answer, forever: releases published later never reach new agents. */
  static Releases firstOnly(Releases releases) {
    AtomicReference<ImageRecord> first = new AtomicReference<>();
    return queuedWith -> first.updateAndGet(f -> f != null ? f : releases.forNewMachine(queuedWith));
  }
}
