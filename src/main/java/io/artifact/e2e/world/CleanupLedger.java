package io.artifact.e2e.world;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Every resource a scenario creates, with how to undo it. {@link #unwind()} runs the undos in
 * reverse order, pass or fail, continues past failures and returns them: a failed teardown is
 * reported by the caller, never swallowed.
 */
public final class CleanupLedger {

  /** An undo action that may fail. */
  @FunctionalInterface
  public interface Undo {
    void run() throws Exception;
  }

  public record Entry(String description, Undo undo) {}

  /**
   * How one undo ended. {@code leftAlone} names a resource teardown refused to touch because this
   * run did not create it (reported, not a failure: refusing is the safe outcome on a shared org).
   */
  public record Outcome(String description, boolean ok, String error, String leftAlone) {
    public Outcome(String description, boolean ok, String error) {
      this(description, ok, error, null);
    }
  }

  /** Thrown by an undo that finds its resource is not this run's to remove. */
  public static final class LeftAlone extends RuntimeException {
    public LeftAlone(String why) {
      super(why, null, false, false);
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  public synchronized void register(String description, Undo undo) {
    entries.push(new Entry(description, undo));
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized List<String> pending() {
    return entries.stream().map(Entry::description).toList();
  }

  /** Runs every undo, newest first; the ledger is empty afterwards. */
  public List<Outcome> unwind() {
    List<Outcome> outcomes = new ArrayList<>();
    while (true) {
      Entry e;
      synchronized (this) {
        e = entries.poll();
      }
      if (e == null) return outcomes;
      try {
        e.undo().run();
        outcomes.add(new Outcome(e.description(), true, null));
      } catch (LeftAlone ex) {
        outcomes.add(new Outcome(e.description(), true, null, ex.getMessage()));
      } catch (Exception | AssertionError ex) {
        outcomes.add(new Outcome(e.description(), false, ex.getClass().getSimpleName() + ": " + ex.getMessage()));
      }
    }
  }
}
