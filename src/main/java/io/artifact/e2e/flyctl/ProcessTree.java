package io.artifact.e2e.flyctl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process and everything it started, stopped so that nothing is left running: politely
 * (SIGTERM) first, then forcibly. Descendants are collected before the child dies, because once
 * it is gone they are re-parented and no longer findable from it.
 */
public final class ProcessTree {

  private ProcessTree() {}

  /** The child's descendants and the child itself, as they are now. */
  public static List<ProcessHandle> of(Process p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    tree.add(p.toHandle());
    return tree;
  }

  /** Stops the child and its descendants: destroy, wait up to {@code grace}, then destroyForcibly. */
  public static void stop(Process p, Duration grace) {
    stop(of(p), p, grace);
  }

  /** As {@link #stop(Process, Duration)}, for a tree collected earlier (the child may already have exited). */
  static void stop(List<ProcessHandle> collected, Process p, Duration grace) {
    Set<ProcessHandle> tree = new LinkedHashSet<>(collected);
    if (p.isAlive()) tree.addAll(of(p));
    tree.forEach(ProcessHandle::destroy);
    if (awaitExit(tree, grace)) return;
    if (p.isAlive()) tree.addAll(of(p));
    tree.forEach(ProcessHandle::destroyForcibly);
    awaitExit(tree, grace);
  }

  /** True when every process in the tree exited within the bound. */
  static boolean awaitExit(Iterable<ProcessHandle> tree, Duration bound) {
    List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
    tree.forEach(h -> exits.add(h.onExit()));
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
