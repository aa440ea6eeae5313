package io.artifact.flyemu.router;

import io.artifact.flyemu.apps.AppRuntime;
import java.time.Duration;
import io.artifact.flyemu.clerk.ClerkAuthenticator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The router's env (stack-contract.md §7.1): the Clerk keys are read per request from the same
 * snapshot (a secret change reaches the router only when its Machines restart, as on Fly).
 * {@code DC_INSTANCE_WAIT_MS} bounds the wait for a running instance (60 s in the real router).
 */
record RouterSettings(String domain, String dcNfs, String dcExec, String poolApp, Optional<String> signInUrl,
    Duration instanceWait, String imageRecord, String authorizedParties) {

  static RouterSettings from(AppRuntime rt) {
    return new RouterSettings(rt.requireEnv("DC_DOMAIN"), rt.requireEnv("DC_NFS"), rt.requireEnv("DC_EXEC"),
        rt.requireEnv("DC_WORKER_POOL_APP"), rt.env("CLERK_SIGN_IN_URL").or(() -> rt.env("DC_CLERK_SIGN_IN_URL")),
        Duration.ofMillis(rt.env("DC_INSTANCE_WAIT_MS").map(Long::parseLong).orElse(60_000L)),
        rt.env("DC_AGENT_IMAGE").orElse("host-coder"),
        rt.env("DC_CLERK_AUTHORIZED_PARTIES").orElse("https://" + rt.requireEnv("DC_DOMAIN") + ",http://" + rt.requireEnv("DC_DOMAIN")));
  }

  /**
   * The env the Clerk check sees: the app's, plus the {@code authorizedParties} the router passes to
   * Clerk — its own origins unless {@code DC_CLERK_AUTHORIZED_PARTIES} names others — so a token
   * minted for another site ({@code azp}) is refused (fly-facts.md §9.2; Clerk's docs advise it).
   */
  Map<String, String> clerkEnv(Map<String, String> env) {
    Map<String, String> e = new HashMap<>(env);
    e.put(ClerkAuthenticator.AUTHORIZED_PARTIES, authorizedParties);
    return Map.copyOf(e);
  }
}
