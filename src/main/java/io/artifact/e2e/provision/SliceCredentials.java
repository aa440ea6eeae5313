package io.artifact.e2e.provision;

import io.artifact.e2e.target.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secrets and auth endpoints a slice's apps boot with: Clerk keys and endpoints for the router,
 * the Fly deploy token for exec (stack-contract.md §7.1). All come from the target: the emulator's
 * local development credentials, or environment variables named by the profile.
 */
public record SliceCredentials(Map<String, String> routerSecrets, Map<String, String> routerEnv, Map<String, String> execSecrets) {

  public static SliceCredentials of(Target target) {
    Map<String, String> routerSecrets = new LinkedHashMap<>();
    Map<String, String> routerEnv = new LinkedHashMap<>();
    Map<String, String> execSecrets = new LinkedHashMap<>();
    target.secret(Target.CLERK_SECRET_KEY).ifPresent(v -> routerSecrets.put("CLERK_SECRET_KEY", v));
    target.secret(Target.CLERK_PUBLISHABLE_KEY).ifPresent(v -> routerSecrets.put("CLERK_PUBLISHABLE_KEY", v));
    target.endpoint(Target.CLERK_API).ifPresent(u -> routerEnv.put("CLERK_API_URL", u));
    target.endpoint(Target.CLERK_SIGN_IN).ifPresent(u -> {
      routerEnv.put("CLERK_SIGN_IN_URL", u);
      routerEnv.put("DC_CLERK_SIGN_IN_URL", u);
    });
    target.secret(Target.FLY_API_TOKEN).ifPresent(v -> execSecrets.put("DC_FLY_API_TOKEN", v));
    return new SliceCredentials(Map.copyOf(routerSecrets), Map.copyOf(routerEnv), Map.copyOf(execSecrets));
  }
}
