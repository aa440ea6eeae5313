package io.artifact.flyemu.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documented answer to a failed boot ({@link FailedBoots#retryUpTo}): the instance goes back to
 * {@code queued} without a Machine and another pass is scheduled, until {@code maxAttempts} failures
 * in a row; after that it waits, queued, for the next change notification.
 */
final class BootRetries implements FailedBoots {

  private final int maxAttempts;
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

  BootRetries(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  @Override
  public boolean failed(Reconciling instance, String why) {
    int n = attempts.merge(instance.key(), 1, Integer::sum);
    instance.requeue();
    if (n >= maxAttempts) {
      attempts.remove(instance.key());
      instance.log("boot attempt " + n + "/" + maxAttempts + " failed: " + why + "; re-queued, giving up until the next change notification");
    } else {
      instance.log("boot attempt " + n + "/" + maxAttempts + " failed: " + why + "; re-queued, retrying");
      instance.retryLater();
    }
    return true;
  }

  @Override
  public void running(Reconciling instance) {
    attempts.remove(instance.key());
  }
}
