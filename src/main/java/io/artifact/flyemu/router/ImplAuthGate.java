package io.artifact.flyemu.router;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Authentication as the real router does it (stack-contract.md §2.3, §8 G1 and G4 IMPL):
 * {@code clerkMiddleware()} throws on a missing key, a 500 with the serialized error; a caller
 * without a session is not refused but served as {@code test-computer}.
 */
final class ImplAuthGate implements Gate {

  static final String TEST_COMPUTER = "test-computer";

  private final Gate doc;
  private final Map<String, String> env;
  private final Consumer<String> logError;

  ImplAuthGate(Gate doc, Map<String, String> env, Consumer<String> logError) {
    this.doc = doc;
    this.env = env;
    this.logError = logError;
  }

  @Override
  public Outcome check(HttpRequest request) {
    if (blank("CLERK_SECRET_KEY")) return thrown("Missing Clerk Secret key");
    if (blank("CLERK_PUBLISHABLE_KEY")) return thrown("Missing Clerk Publishable key");
    Outcome o = doc.check(request);
    return o.signedIn() ? o : new Outcome(TEST_COMPUTER, null);
  }

  private Outcome thrown(String message) {
    logError.accept("Error: " + message);
    return new Outcome(null, HttpResponse.text(500, "{\n  \"name\": \"Error\",\n  \"message\": \"" + message + "\"\n}"));
  }

  private boolean blank(String key) {
    String v = env.get(key);
    return v == null || v.isBlank();
  }
}
