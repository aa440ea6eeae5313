package io.artifact.flyemu.router;

import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.http.HttpRequest;
import java.util.Map;

/** Signs in whoever presents {@code Bearer good:<user>}; a wrong secret key invalidates every token. */
public final class FakeClerk implements ClerkAuthenticator {

  public static final String SECRET = "sk_test_right";

  @Override
  public AuthResult authenticate(HttpRequest request, Map<String, String> env) {
    String auth = request.header("authorization").orElse("");
    if (!auth.startsWith("Bearer ")) return AuthResult.signedOut("session-token-and-uat-missing");
    if (!SECRET.equals(env.get("CLERK_SECRET_KEY"))) return AuthResult.signedOut("secret-key-invalid");
    String token = auth.substring(7);
    return token.startsWith("good:") ? AuthResult.signedIn(token.substring(5)) : AuthResult.signedOut("token-invalid-signature");
  }
}
