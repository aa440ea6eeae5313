package io.artifact.flyemu.clerk;

import io.artifact.flyemu.http.HttpRequest;
import java.util.Map;

/**
 * How an embedded app authenticates a request against Clerk, as {@code @hono/clerk-auth} does
 * (fly-facts.md §9): the session token comes from {@code Authorization: Bearer} or the
 * {@code __session} cookie; keys come from the app's env ({@code CLERK_SECRET_KEY},
 * {@code CLERK_PUBLISHABLE_KEY}, {@code CLERK_API_URL}). Registered in the platform's
 * {@code StackServices} by the local Clerk component.
 */
public interface ClerkAuthenticator {

  /**
   * The {@code authorizedParties} option an app passes to {@code clerkMiddleware} (comma-separated
   * origins), handed over with its env: a token whose {@code azp} is none of them is refused
   * ({@code token-invalid-authorized-parties}, fly-facts.md §9.2); absent, {@code azp} is not checked.
   */
  String AUTHORIZED_PARTIES = "CLERK_AUTHORIZED_PARTIES";

  /** The outcome; {@code reason} uses Clerk's {@code x-clerk-auth-reason} vocabulary. */
  record AuthResult(boolean signedIn, String userId, String reason) {
    public static AuthResult signedIn(String userId) {
      return new AuthResult(true, userId, null);
    }

    public static AuthResult signedOut(String reason) {
      return new AuthResult(false, null, reason);
    }
  }

  AuthResult authenticate(HttpRequest request, Map<String, String> env);
}
