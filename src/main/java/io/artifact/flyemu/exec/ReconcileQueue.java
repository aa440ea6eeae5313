package io.artifact.flyemu.exec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Exec's per-computer coalescing queue (stack-contract.md §3.4): at most one running and one
 * pending job per key; a call while something is pending gets the pending job's future and its
 * own job is dropped. Keys are lowercased (DOC; the real queue's case-sensitive key is race (c)).
 */
public final class ReconcileQueue<T> {

  private final class Entry {
    CompletableFuture<T> pending;
    Supplier<T> pendingJob;
  }

  private final Executor executor;
  private final Map<String, Entry> entries = new HashMap<>();

  public ReconcileQueue(Executor executor) {
    this.executor = executor;
  }

  public CompletableFuture<T> enqueue(String key, Supplier<T> job) {
    String k = key.toLowerCase(Locale.ROOT);
    synchronized (entries) {
      Entry e = entries.get(k);
      if (e == null) {
        entries.put(k, new Entry());
        CompletableFuture<T> f = new CompletableFuture<>();
        run(k, job, f);
        return f;
      }
      if (e.pending == null) {
        e.pending = new CompletableFuture<>();
        e.pendingJob = job;
      }
      return e.pending;
    }
  }

  /** Keys with a job running or pending. */
  public int active() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private void run(String key, Supplier<T> job, CompletableFuture<T> future) {
    executor.execute(() -> {
      try {
        future.complete(job.get());
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
      next(key);
    });
  }

  private void next(String key) {
    synchronized (entries) {
      Entry e = entries.get(key);
      if (e.pending == null) {
        entries.remove(key);
        return;
      }
      CompletableFuture<T> f = e.pending;
      Supplier<T> job = e.pendingJob;
      e.pending = null;
      e.pendingJob = null;
      run(key, job, f);
    }
  }
}
