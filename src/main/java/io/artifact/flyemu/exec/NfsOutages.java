package io.artifact.flyemu.exec;

import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.NfsUnavailableException;

/**
 * What exec does with a change it cannot read because the NFS mount is away: the one point where
 * the {@code fly-exec} images differ on an outage (FAULT-050, stack-contract.md §8 G20).
 */
interface NfsOutages {

  /** DOC: log the outage, tell the caller to back off (503 + Retry-After), and retry the computer by itself. */
  NfsOutages BACK_OFF = new NfsOutages() {
    @Override
    public HttpResponse answer(NfsUnavailableException e, AppRuntime rt) {
      rt.logError(e.getMessage() + "; backing off");
      return ExecErrors.error(503, e.getMessage()).withHeader("retry-after", "1");
    }

    @Override
    public boolean retries() {
      return true;
    }
  };

  /** G20 IMPL: a file-system error like any other, a 500, and nothing retried. */
  NfsOutages FAIL = new NfsOutages() {
    @Override
    public HttpResponse answer(NfsUnavailableException e, AppRuntime rt) {
      rt.logError("reconcile failed: " + e.getMessage());
      return ExecErrors.error(500, e.getMessage());
    }

    @Override
    public boolean retries() {
      return false;
    }
  };

  /** The answer to the change notification. */
  HttpResponse answer(NfsUnavailableException e, AppRuntime rt);

  /** Whether the computer's change is retried once the mount is back (deferred to {@link NfsRetries}). */
  boolean retries();
}
