package io.artifact.flyemu.clerk;

import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The local instance's testing surface ({@code /__testing}, bearer = the secret key), which no real
 * Clerk instance has: {@code GET /__testing/signing_key} hands out the instance's private signing
 * key as a JWK, so a suite can mint tokens only the instance could sign — expired, not yet valid,
 * issued in the future, for another party — and check that apps refuse them. Never logged.
 */
final class TestingApi implements HttpHandler {

  static final String PREFIX = "/__testing/";

  private final LocalClerk clerk;

  TestingApi(LocalClerk clerk) {
    this.clerk = clerk;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String header = request.header("authorization").orElse("");
    byte[] given = (header.startsWith("Bearer ") ? header.substring(7).trim() : "").getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, clerk.secretKey().getBytes(StandardCharsets.UTF_8))) {
      return HttpResponse.json(401, ClerkJson.error("clerk_key_invalid", "invalid secret key", "The provided Clerk Secret Key is invalid.", null));
    }
    if (request.method().equals("GET") && request.path().equals(PREFIX + "signing_key")) {
      return HttpResponse.json(200, clerk.signingKey().privateJwk());
    }
    return HttpResponse.json(404, ClerkJson.error("resource_not_found", "not found", "No testing resource " + request.path(), null));
  }
}
