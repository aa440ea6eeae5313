package io.artifact.e2e.strategy;

/**
 * Shared staging org: the run reuses the org's apps, snapshots its worker pool before the first
 * scenario and recycles it after the last (targeted restarts of what the run changed, its own leftovers
 * destroyed, other people's Machines left alone), refuses to start on secrets the previous run used,
 * and records the ones it used.
 */
final class StagingStrategy implements EnvironmentStrategy {

  private WorkerPool pool;

  @Override
  public String name() {
    return "staging";
  }

  @Override
  public void beforeRun(RunScope run) {
    SecretRotation.check(run.profile(), run);
    LongLivedOrg.standUpIfEmbedded(run);
    String app = run.sharedSlice().workerPoolApp();
    pool = WorkerPool.snapshot(run.fly().get(), app);
    run.notes().accept("staging: worker pool " + app + " snapshot: " + pool.states());
  }

  @Override
  public void afterRun(RunScope run) {
    try {
      if (pool != null) {
        WorkerPool.Recycle r = pool.recycle(run.fly().get(), run.runId(), run.profile().duration("timeouts.boot"));
        r.lines().forEach(l -> run.notes().accept("staging: worker pool: " + l));
        run.notes().accept("staging: worker pool recycled: " + r.restarted().size() + " restarted, " + r.destroyed().size()
            + " destroyed, " + r.leftAlone().size() + " left alone");
      }
    } finally {
      SecretRotation.record(run.profile(), run.runId());
      run.notes().accept("staging: rotate " + SecretRotation.digests(run.profile()).keySet() + " before the next run");
    }
  }
}
