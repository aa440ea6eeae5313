package io.artifact.flyemu.clerk;

import java.util.List;

/**
 * A user's connection to an OAuth provider (Clerk's "external account"), holding the provider's
 * access token. Clerk creates one on an OAuth sign-in; test users get one only through
 * {@link ClerkDirectory#connectOAuthAccount}. {@code provider} is Clerk's id ({@code oauth_github}).
 */
public record OAuthAccount(String id, String userId, String provider, String providerUserId, String token, List<String> scopes) {

  public OAuthAccount {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** Clerk's users service prefixes a bare provider name ({@code github} → {@code oauth_github}). */
  static String providerId(String provider) {
    return provider.startsWith("oauth_") ? provider : "oauth_" + provider;
  }
}
