package io.artifact.flyemu.router;

import java.time.Duration;

/** How the router tells exec that a computer changed (stack-contract.md §2.6 step 3a). */
interface ExecPort {

  /** Waits for exec's reconcile pass; {@link ExecUnavailableException} when exec refuses or is unreachable. */
  void kick(String computer, Duration timeout);

  /** Fire and forget (computer host, DOC G6): the redirect does not wait for exec. */
  void notify(String computer);
}
