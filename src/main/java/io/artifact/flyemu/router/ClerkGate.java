package io.artifact.flyemu.router;

import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.clerk.ClerkAuthenticator.AuthResult;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Authentication as the docs promise it (stack-contract.md §2.9, §8 G1/G4): a signed-out browser
 * is sent to the sign-in page with a {@code redirect_url}; an API caller gets
 * {@code 401 {"error":"unauthenticated"}}; a missing Clerk key rejects every request with 401 and
 * an auth-failure log line. Log lines name the reason and the host, never a key or a token.
 */
final class ClerkGate implements Gate {

  private final Optional<ClerkAuthenticator> clerk;
  private final Map<String, String> env;
  private final Optional<String> signInUrl;
  private final Consumer<String> log;

  ClerkGate(Optional<ClerkAuthenticator> clerk, Map<String, String> env, Optional<String> signInUrl, Consumer<String> log) {
    this.clerk = clerk;
    this.env = env;
    this.signInUrl = signInUrl;
    this.log = log;
  }

  @Override
  public Outcome check(HttpRequest request) {
    if (blank("CLERK_SECRET_KEY")) return reject(request, "secret-key-missing", "Missing Clerk Secret key");
    if (blank("CLERK_PUBLISHABLE_KEY")) return reject(request, "publishable-key-missing", "Missing Clerk Publishable key");
    if (clerk.isEmpty()) return reject(request, "clerk-unreachable", "no Clerk authenticator is reachable");
    AuthResult result = clerk.get().authenticate(request, env);
    if (result.signedIn()) return new Outcome(result.userId().toLowerCase(Locale.ROOT), null);
    String reason = result.reason() == null ? "signed-out" : result.reason();
    if (isBrowser(request) && signInUrl.isPresent() && !reason.startsWith("secret-key")) {
      log.accept("signed out (" + reason + "): " + request.host() + " sent to sign-in");
      return new Outcome(null, signedOut(HttpResponse.redirect(307, signIn(request)), reason));
    }
    return reject(request, reason, "unauthenticated request");
  }

  private Outcome reject(HttpRequest request, String reason, String message) {
    log.accept("auth failure: " + message + " (" + reason + ") for " + request.method() + " " + request.host() + request.path());
    return new Outcome(null, signedOut(HttpResponse.json(401, "{\"error\":\"unauthenticated\"}"), reason));
  }

  private static HttpResponse signedOut(HttpResponse r, String reason) {
    return r.withHeader("x-clerk-auth-status", "signed-out").withHeader("x-clerk-auth-reason", reason);
  }

  private String signIn(HttpRequest request) {
    String base = signInUrl.orElseThrow();
    return base + (base.contains("?") ? "&" : "?") + "redirect_url=" + URLEncoder.encode(request.url(), StandardCharsets.UTF_8);
  }

  /** Clerk's rule for a navigation (fly-facts.md §9.3). */
  static boolean isBrowser(HttpRequest r) {
    Optional<String> dest = r.header("sec-fetch-dest");
    if (dest.isPresent()) return dest.get().equals("document") || dest.get().equals("iframe");
    return r.header("accept").map(a -> a.toLowerCase(Locale.ROOT).contains("text/html")).orElse(false);
  }

  private boolean blank(String key) {
    String v = env.get(key);
    return v == null || v.isBlank();
  }
}
