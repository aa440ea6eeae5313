package io.artifact.e2e.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

/**
 * Makes a {@link BadSession} out of a real one with nimbus-jose-jwt: the real token's claims (its
 * user, session, issuer) with one thing wrong, signed by the instance's own key where the fault is
 * in the claims, or by a key of the suite's where the fault is the key. Times are minutes off, far
 * beyond Clerk's 5 s clock skew (fly-facts.md §9.2), so a slow run cannot make a row pass by luck.
 */
public final class SessionForgery {

  /** An origin no router serves: a token requested by a page of another site carries it as {@code azp}. */
  public static final String ANOTHER_SITE = "https://elsewhere.example";

  private static final Duration OFF = Duration.ofMinutes(10);
  /** One key pair per JVM: generating RSA keys is slow, and a foreign key need not differ per scenario. */
  private static final RSAKey FOREIGN = generate();

  private final Supplier<RSAKey> instanceKey;
  private final Clock clock;

  /** {@code instanceKey} is asked only for the kinds that need it (the target's testing surface). */
  public SessionForgery(Supplier<RSAKey> instanceKey, Clock clock) {
    this.instanceKey = instanceKey;
    this.clock = clock;
  }

  public SessionToken forge(BadSession kind, SessionToken real) {
    SignedJWT jwt = parse(real.jwt());
    JWTClaimsSet claims = claims(jwt);
    Instant now = clock.instant();
    return switch (kind) {
      case EXPIRED -> signed(times(claims, now.minus(OFF.multipliedBy(2)), now.minus(OFF)), instanceKey.get(), real);
      case NOT_YET_VALID -> signed(new JWTClaimsSet.Builder(times(claims, now, now.plus(OFF.multipliedBy(2))))
          .notBeforeTime(Date.from(now.plus(OFF))).build(), instanceKey.get(), real);
      // nbf stays in the past: Clerk checks it first, and this row is about iat alone
      case ISSUED_IN_THE_FUTURE -> signed(new JWTClaimsSet.Builder(times(claims, now.plus(OFF), now.plus(OFF.multipliedBy(2))))
          .notBeforeTime(Date.from(now.minusSeconds(10))).build(), instanceKey.get(), real);
      case FOR_ANOTHER_SITE -> signed(new JWTClaimsSet.Builder(claims).claim("azp", ANOTHER_SITE).build(), instanceKey.get(), real);
      case FORGED_WITH_THE_INSTANCE_KID -> signed(claims, new RSAKey.Builder(FOREIGN).keyID(jwt.getHeader().getKeyID()).build(), real);
      case SIGNED_BY_AN_UNKNOWN_KEY -> signed(claims, FOREIGN, real);
      case MALFORMED -> new SessionToken(real.jwt().substring(0, real.jwt().indexOf('.') + 12), real.sessionId(), real.userId(),
          real.issuedAt(), real.expiresAt());
    };
  }

  /** {@code iat} and {@code exp} as given; {@code nbf} at {@code iat}, as Clerk sets it (a little before). */
  private static JWTClaimsSet times(JWTClaimsSet claims, Instant iat, Instant exp) {
    return new JWTClaimsSet.Builder(claims).issueTime(Date.from(iat)).notBeforeTime(Date.from(iat.minusSeconds(10)))
        .expirationTime(Date.from(exp)).build();
  }

  private static SessionToken signed(JWTClaimsSet claims, RSAKey key, SessionToken real) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a forged session token: " + e.getMessage(), e);
    }
    // a browser's __client_uat is the token's iat (not after it, or Clerk would ask for a handshake instead)
    return new SessionToken(jwt.serialize(), real.sessionId(), real.userId(), claims.getIssueTime().toInstant(),
        claims.getExpirationTime().toInstant());
  }

  private static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new IllegalStateException("Clerk's session token is not a signed JWT: " + e.getMessage());
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalStateException("Clerk's session token has no claims: " + e.getMessage());
    }
  }

  /** The system property naming a directory where the foreign pair is kept for the next JVM (a build's target/). */
  public static final String KEY_CACHE = "e2e.key-cache";

  /**
   * The foreign pair: kept between JVMs in the directory {@value #KEY_CACHE} names (generating one costs
   * seconds of CPU), else generated. Owner-only, written whole; unreadable means generated again.
   */
  private static RSAKey generate() {
    String dir = System.getProperty(KEY_CACHE, "");
    Path file = dir.isBlank() ? null : Path.of(dir, "ins_e2e_foreign.jwk");
    try {
      if (file != null && Files.isRegularFile(file)) return RSAKey.parse(Files.readString(file));
    } catch (IOException | ParseException e) {
      // torn or foreign content: generated again below
    }
    RSAKey fresh;
    try {
      fresh = new RSAKeyGenerator(2048).keyID("ins_e2e_foreign").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key pair: " + e.getMessage(), e);
    }
    if (file != null) {
      try {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "ins_e2e_foreign", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, fresh.toJSONString());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | UnsupportedOperationException e) {
        // not kept: the next JVM generates its own
      }
    }
    return fresh;
  }

}
