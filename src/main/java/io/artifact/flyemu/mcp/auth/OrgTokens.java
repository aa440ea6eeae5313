package io.artifact.flyemu.mcp.auth;

import io.artifact.flyemu.fly.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The org tokens the control plane accepts. One current token per org; rotating or revoking it
 * keeps the old one on file as revoked, so a later use is recognised (and alerted on) rather
 * than looking like noise.
 */
public final class OrgTokens {

  private record Entry(Grant grant, String revokedBecause) {}

  private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
  private final Map<String, String> currentByOrg = new ConcurrentHashMap<>();
  private final Supplier<Instant> clock;

  public OrgTokens(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** Issues a new current token for {@code org}; any previous one is revoked as "reissued". */
  public synchronized Grant issue(String org, String flyOrg, String user, List<String> prefixes) {
    current(org).ifPresent(old -> revokeToken(old.token(), "reissued"));
    Grant g = new Grant("artifact_org_" + Ids.hex(20), org, flyOrg, user, prefixes, clock.get());
    byToken.put(g.token(), new Entry(g, null));
    currentByOrg.put(org, g.token());
    return g;
  }

  /** The grant behind a presented token, or {@link TokenRefusedException}. */
  public Grant authenticate(String token) {
    Entry e = issued(token);
    if (e.revokedBecause() != null) {
      throw new TokenRefusedException("org token " + e.grant().fingerprint() + " was " + e.revokedBecause(), e.grant());
    }
    return e.grant();
  }

  /** Defect {@code revoked-token-accepted}: the grant behind any token ever issued, revoked or not. */
  public Grant ignoringRevocation(String token) {
    return issued(token).grant();
  }

  private Entry issued(String token) {
    if (token == null || token.isBlank()) throw new TokenRefusedException("missing bearer token", null);
    Entry e = byToken.get(token);
    if (e == null) throw new TokenRefusedException("unknown org token", null);
    return e;
  }

  /** Replaces the org's token; the old one fails from the next request on. */
  public synchronized Grant rotate(Grant old) {
    Grant fresh = new Grant("artifact_org_" + Ids.hex(20), old.org(), old.flyOrg(), old.user(), old.prefixes(), clock.get());
    revokeToken(old.token(), "rotated");
    byToken.put(fresh.token(), new Entry(fresh, null));
    currentByOrg.put(old.org(), fresh.token());
    return fresh;
  }

  /** Revokes the org's current token (an emulator-side fault); returns what was revoked. */
  public synchronized Optional<Grant> revoke(String org) {
    Optional<Grant> cur = current(org);
    cur.ifPresent(g -> {
      revokeToken(g.token(), "revoked");
      currentByOrg.remove(org, g.token());
    });
    return cur;
  }

  public Optional<Grant> current(String org) {
    String t = currentByOrg.get(org);
    return t == null ? Optional.empty() : Optional.of(byToken.get(t).grant());
  }

  private void revokeToken(String token, String why) {
    byToken.computeIfPresent(token, (k, e) -> new Entry(e.grant(), why));
  }

  static String fingerprint(String token) {
    return "sha256:" + Ids.digest(token);
  }
}
