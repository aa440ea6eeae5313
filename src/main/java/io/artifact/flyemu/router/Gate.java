package io.artifact.flyemu.router;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;

/** Who is asking: the router's first step for every request (stack-contract.md §2.3, §2.9). */
interface Gate {

  /** Either the signed-in user's computer id, or the answer to send instead. */
  record Outcome(String computerId, HttpResponse rejection) {
    boolean signedIn() {
      return computerId != null;
    }
  }

  Outcome check(HttpRequest request);
}
