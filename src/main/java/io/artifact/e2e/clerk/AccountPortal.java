package io.artifact.e2e.clerk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where an instance's Account Portal lives, from its publishable key (fly-facts §9.3): the
 * Frontend API host with {@code clerk.} → {@code accounts.} (production) or
 * {@code .clerk.accounts.dev} → {@code .accounts.dev} (development). A loopback host (the
 * embedded stack's local Clerk) serves its own portal over plain HTTP.
 */
public final class AccountPortal {

  private AccountPortal() {}

  public static String signInUrl(String publishableKey) {
    String host = frontendApiHost(publishableKey);
    if (host.startsWith("127.0.0.1:") || host.startsWith("localhost:")) return "http://" + host + "/sign-in";
    if (host.endsWith(".clerk.accounts.dev")) return "https://" + host.replace(".clerk.accounts.dev", ".accounts.dev") + "/sign-in";
    if (host.startsWith("clerk.")) return "https://accounts." + host.substring("clerk.".length()) + "/sign-in";
    return "https://" + host + "/sign-in";
  }

  static String frontendApiHost(String publishableKey) {
    if (publishableKey == null || !(publishableKey.startsWith("pk_test_") || publishableKey.startsWith("pk_live_"))) {
      throw new IllegalArgumentException("not a Clerk publishable key (pk_test_… or pk_live_…)");
    }
    String decoded = new String(Base64.getDecoder().decode(publishableKey.substring(8)), StandardCharsets.UTF_8);
    if (!decoded.endsWith("$")) throw new IllegalArgumentException("Publishable key not valid.");
    return decoded.substring(0, decoded.length() - 1);
  }
}
