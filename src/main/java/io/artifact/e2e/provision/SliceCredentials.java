package io.artifact.e2e.provision;

import io.artifact.e2e.config.Profile;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.clerk.LocalClerk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets and auth endpoints a slice's apps boot with: Clerk keys for the router, the Fly
 * deploy token for exec. On the embedded stack they come from its local Clerk and token; on Fly
 * from environment variables only.
 */
public record SliceCredentials(Map<String, String> routerSecrets, Map<String, String> routerEnv, Map<String, String> execSecrets) {

  public static SliceCredentials of(Profile profile, Optional<EmbeddedStack> stack) {
    Map<String, String> routerSecrets = new LinkedHashMap<>();
    Map<String, String> routerEnv = new LinkedHashMap<>();
    Map<String, String> execSecrets = new LinkedHashMap<>();
    if (stack.isPresent()) {
      LocalClerk clerk = stack.get().component(LocalClerk.class);
      routerSecrets.put("CLERK_SECRET_KEY", clerk.secretKey());
      routerSecrets.put("CLERK_PUBLISHABLE_KEY", clerk.publishableKey());
      routerEnv.put("CLERK_API_URL", clerk.apiUrl());
      routerEnv.put("CLERK_SIGN_IN_URL", clerk.signInUrl());
      routerEnv.put("DC_CLERK_SIGN_IN_URL", clerk.signInUrl());
      execSecrets.put("DC_FLY_API_TOKEN", stack.get().flyToken());
    } else {
      routerSecrets.put("CLERK_SECRET_KEY", profile.secret("CLERK_SECRET_KEY"));
      profile.optionalSecret("CLERK_PUBLISHABLE_KEY").ifPresent(v -> routerSecrets.put("CLERK_PUBLISHABLE_KEY", v));
      profile.optional("clerk.sign-in-url").ifPresent(u -> {
        routerEnv.put("CLERK_SIGN_IN_URL", u);
        routerEnv.put("DC_CLERK_SIGN_IN_URL", u);
      });
      execSecrets.put("DC_FLY_API_TOKEN", profile.secret(profile.string("fly.token.env")));
    }
    return new SliceCredentials(Map.copyOf(routerSecrets), Map.copyOf(routerEnv), Map.copyOf(execSecrets));
  }
}
