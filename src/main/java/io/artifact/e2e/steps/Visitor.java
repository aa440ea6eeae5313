package io.artifact.e2e.steps;

import io.artifact.e2e.router.Caller;
import io.artifact.e2e.router.IngressJourney;
import java.util.Optional;

/**
 * A caller as a step names it ("a signed-out browser", "alice's signed-in API client"): a user (or
 * nobody) and a kind of client. Resolved only when the step runs, since signing in creates a Clerk user.
 */
public record Visitor(Optional<String> user, boolean browser) {

  static final String PATTERN = "a signed-out (?:browser|API client)|[a-z]+'s signed-in (?:browser|API client)";

  static Visitor parse(String words) {
    boolean browser = words.endsWith("browser");
    if (words.startsWith("a signed-out ")) return new Visitor(Optional.empty(), browser);
    return new Visitor(Optional.of(words.substring(0, words.indexOf("'s "))), browser);
  }

  Caller resolve(IngressJourney ingress) {
    if (user.isEmpty()) return browser ? Caller.signedOutBrowser() : Caller.signedOutApiClient();
    return browser ? ingress.signedInBrowser(user.get()) : ingress.signedInApiClient(user.get());
  }

  String name() {
    return user.orElseThrow(() -> new IllegalArgumentException("a signed-out caller has no computer of their own"));
  }
}
