package io.artifact.flyemu.mcp.auth;

import java.time.Instant;
import java.util.List;

/**
 * What an org token allows: acting as {@code user} on apps whose names start with one of
 * {@code prefixes}. {@code org} names the token's holder (an org, or an org slice on the embedded
 * stack); {@code flyOrg} is the Fly org slug apps are created in. The token itself never leaves
 * this record except to its holder.
 */
public record Grant(String token, String org, String flyOrg, String user, List<String> prefixes, Instant issuedAt) {

  public Grant {
    prefixes = List.copyOf(prefixes);
  }

  public boolean covers(String app) {
    return prefixes.stream().anyMatch(app::startsWith);
  }

  /** A short stable fingerprint for alerts and logs, never the token. */
  public String fingerprint() {
    return OrgTokens.fingerprint(token);
  }
}
