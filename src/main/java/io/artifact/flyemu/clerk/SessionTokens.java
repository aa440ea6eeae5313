package io.artifact.flyemu.clerk;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The claims of a Clerk v2 session token (fly-facts §9.2): sub, sid, iat, nbf (iat − 10 s), exp, azp, iss, jti, v, fva. */
final class SessionTokens {

  private static final Duration NBF_LEEWAY = Duration.ofSeconds(10);

  private SessionTokens() {}

  static JWTClaimsSet claims(String issuer, String authorizedParty, String userId, String sessionId, Instant now, Duration ttl) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(userId)
        .claim("sid", sessionId)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minus(NBF_LEEWAY)))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(ClerkIds.random(20).toLowerCase())
        .claim("v", 2)
        .claim("fva", List.of(0, -1));
    if (authorizedParty != null) b.claim("azp", authorizedParty);
    return b.build();
  }
}
