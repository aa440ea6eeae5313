package io.artifact.e2e.fault;

import io.artifact.e2e.world.CleanupLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every fault a scenario injects, in one place (runbook Phase 4). A fault is an operation whose
 * undo is put on the cleanup ledger <em>before</em> it is applied, so it is undone in reverse order
 * whatever the outcome — also when applying it failed half-way. Each is kept as evidence (what,
 * target, applied at, reverted at, revert outcome) and published as {@code faults.json}.
 *
 * <p>Around the faults runs the steady-state hypothesis (Chaos Toolkit): probed before the first
 * fault (an unhealthy stack gets none), and after the reverts by a ledger entry registered before
 * the first fault's undo — so it runs after every revert and before the slice is torn down, pass or
 * fail, and a deviation fails the scenario through the ledger even when every step passed.
 */
public final class FaultRecord {

  /** Applying or undoing a fault. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  /** A revert that failed: the message says what is left changed. */
  public static final class RevertFailed extends IllegalStateException {
    RevertFailed(Fault f, Throwable cause) {
      super("left changed on " + f.target + ": " + f.what + " (revert '" + f.undoDescription + "' failed: "
          + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }
  }

  /** One fault and what became of it. */
  public static final class Fault {
    private final String what;
    private final String target;
    private final String undoDescription;
    private final Step undo;
    private String appliedAt;
    private String applyError;
    private String revertedAt;
    private String revertOutcome = "pending";

    Fault(String what, String target, String undoDescription, Step undo) {
      this.what = what;
      this.target = target;
      this.undoDescription = undoDescription;
      this.undo = undo;
    }

    public String what() { return what; }
    public String target() { return target; }
    public synchronized String revertOutcome() { return revertOutcome; }
    public synchronized boolean reverted() { return revertOutcome.equals("reverted") || revertOutcome.startsWith("nothing to revert"); }

    synchronized Map<String, Object> asJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("what", what);
      m.put("target", target);
      m.put("undo", undoDescription);
      m.put("applied_at", appliedAt);
      if (applyError != null) m.put("apply_error", applyError);
      m.put("reverted_at", revertedAt);
      m.put("revert_outcome", revertOutcome);
      return m;
    }
  }

  private final CleanupLedger ledger;
  private final Consumer<String> mutations;
  private final Consumer<Object> publish;
  private final Supplier<SteadyState> steadyState;
  private final Clock clock;
  private final List<Fault> faults = new ArrayList<>();
  private final List<SteadyState.Verdict> verdicts = new ArrayList<>();
  private boolean opened;

  /**
   * @param mutations where each change is also listed (the scenario manifest's {@code mutations})
   * @param publish   attaches the record (as {@code faults.json}) once the faults are reverted
   */
  public FaultRecord(CleanupLedger ledger, Consumer<String> mutations, Consumer<Object> publish, Supplier<SteadyState> steadyState,
      Clock clock) {
    this.ledger = ledger;
    this.mutations = mutations;
    this.publish = publish;
    this.steadyState = steadyState;
    this.clock = clock;
  }

  /**
   * Registers {@code undo}, then applies the fault. If applying throws, the fault is recorded as such
   * and the exception passes on; the undo stays registered and runs at teardown all the same.
   */
  public Fault inject(String what, String target, String undoDescription, Step undo, Step apply) {
    open();
    Fault f = new Fault(what, target, undoDescription, undo);
    synchronized (this) {
      faults.add(f);
    }
    ledger.register("revert fault: " + what + " (" + undoDescription + ")", () -> revert(f));
    mutations.accept(what + " [" + target + "]");
    synchronized (f) {
      f.appliedAt = clock.instant().toString();
    }
    try {
      apply.run();
    } catch (Exception | AssertionError e) {
      synchronized (f) {
        f.applyError = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (e instanceof RuntimeException r) throw r;
      if (e instanceof AssertionError a) throw a;
      throw new IllegalStateException("fault '" + what + "' could not be applied: " + e.getMessage(), e);
    }
    return f;
  }

  /** A fault nothing can or should undo (a destroyed Machine: bringing it back is the stack's job), recorded all the same. */
  public Fault injectIrreversible(String what, String target, String why, Step apply) {
    return inject(what, target, "nothing to revert: " + why, () -> {}, apply);
  }

  /** Reverts one fault now (idempotent: a reverted fault is left alone); a failure names what is left changed. */
  public void revert(Fault f) {
    synchronized (f) {
      if (f.reverted()) return;
      try {
        f.undo.run();
        f.revertOutcome = f.undoDescription.startsWith("nothing to revert") ? f.undoDescription : "reverted";
      } catch (Exception | AssertionError e) {
        f.revertOutcome = "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage() + "; left changed: " + f.what;
        throw new RevertFailed(f, e);
      } finally {
        f.revertedAt = clock.instant().toString();
      }
    }
  }

  /** Reverts every fault now, newest first; every one is tried, and the failures are reported together. */
  public void revertAll() {
    List<Fault> all;
    synchronized (this) {
      all = new ArrayList<>(faults);
    }
    List<String> failed = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      try {
        revert(all.get(i));
      } catch (RevertFailed e) {
        failed.add(e.getMessage());
      }
    }
    if (!failed.isEmpty()) throw new IllegalStateException(failed.size() + " fault(s) could not be reverted: " + failed);
  }

  /** The hypothesis probed now, before any fault (a scenario's own step); a healthy verdict spares the gate a second probe. */
  public SteadyState.Verdict steadyStateBefore() {
    SteadyState.Verdict v = steadyState.get().before();
    synchronized (this) {
      verdicts.add(v);
    }
    return v;
  }

  /** The hypothesis after the reverts (bounded wait for the stack to settle); recorded. */
  public SteadyState.Verdict steadyStateAfter() {
    SteadyState.Verdict v = steadyState.get().after();
    synchronized (this) {
      verdicts.add(v);
    }
    return v;
  }

  public synchronized List<Fault> faults() {
    return List.copyOf(faults);
  }

  /** What {@code faults.json} holds. */
  public synchronized Map<String, Object> asJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steady_state", verdicts.stream().map(SteadyState.Verdict::asJson).toList());
    m.put("faults", faults.stream().map(Fault::asJson).toList());
    return m;
  }

  /** First fault: the closing entry goes on the ledger, then the hypothesis is probed as a gate. */
  private void open() {
    synchronized (this) {
      if (opened) return;
      opened = true;
    }
    ledger.register("steady state after the faults were reverted; faults.json attached", this::close);
    SteadyState.Verdict before;
    synchronized (this) {
      before = verdicts.stream().filter(v -> v.phase().equals("before")).reduce((a, b) -> b).orElse(null);
    }
    if (before == null || !before.healthy()) before = steadyStateBefore();
    if (!before.healthy()) {
      throw new IllegalStateException("the stack is not in its steady state before any fault, so none is injected: " + before.findings());
    }
  }

  private void close() {
    SteadyState.Verdict after;
    try {
      after = steadyStateAfter();
    } finally {
      publish.accept(asJson());
    }
    if (!after.healthy()) {
      throw new AssertionError("the stack did not return to its steady state after the faults were reverted: " + after.findings());
    }
  }
}
