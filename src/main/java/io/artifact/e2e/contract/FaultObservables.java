package io.artifact.e2e.contract;

/**
 * What the fault toolkit's scenarios match, each named with its source like {@link Contract}'s own.
 * "README §Router → exec under network faults" is this suite's DOC for the router's kick under a bad
 * link, which stack-contract.md §2.6 step 3a leaves open (a non-2xx kick there is simply a 500).
 */
public final class FaultObservables {

  private FaultObservables() {}

  private static final String KICK_DOC = "README §Router → exec under network faults (DOC of this suite; extends stack-contract.md §2.6 step 3a)";

  /** Each retried kick is logged, naming the kick to exec and that it is retrying. */
  public static final Observable ROUTER_KICK_RETRY_LOG = new Observable("router.kick-retry-log", "(?i)kick to exec.*retrying", KICK_DOC);
  /** A kick that got through after retries says so. */
  public static final Observable ROUTER_KICK_THROUGH_LOG = new Observable("router.kick-through-log", "(?i)kick to exec.*got through", KICK_DOC);
  /** No attempt got through inside the bound: a clear 503 (with retry-after), never a hang. */
  public static final Observable ROUTER_EXEC_UNAVAILABLE_STATUS = new Observable("router.exec-unavailable-status", "503", KICK_DOC);
  public static final Observable ROUTER_EXEC_UNAVAILABLE_LOG = new Observable("router.exec-unavailable-log", "(?i)exec unreachable", KICK_DOC);
  /** stack-contract.md §3.1: a reconcile that throws (bad instance JSON among the causes) answers 500. */
  public static final Observable EXEC_RECONCILE_ERROR_STATUS = new Observable("exec.reconcile-error-status", "500", "stack-contract.md §3.1");
}
