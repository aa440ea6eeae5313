package io.artifact.flyemu.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * {@code @clerk/backend}'s {@code verifyToken} in its order: decode, load the key by {@code kid}
 * (so key and secret problems win), header checks, claim checks with a clock skew, and the
 * signature last (so an expired forgery reads {@code token-expired}).
 */
final class TokenVerification {

  /** What verification needs of the keys; {@link JwksKeys} bound to one app's env. */
  @FunctionalInterface
  interface KeyLookup {
    RSAKey find(String kid) throws TokenRejected;
  }

  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

  private TokenVerification() {}

  static SignedJWT decode(String token) throws TokenRejected {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      jwt.getJWTClaimsSet();
      return jwt;
    } catch (ParseException e) {
      throw new TokenRejected(AuthReasons.TOKEN_INVALID);
    }
  }

  /** {@code authorizedParties} empty: {@code azp} is not checked (the SDK's default). */
  static JWTClaimsSet verify(String token, KeyLookup keys, Instant now, Duration skew, Set<String> authorizedParties) throws TokenRejected {
    SignedJWT jwt = decode(token);
    RSAKey key = keys.find(jwt.getHeader().getKeyID());
    JOSEObjectType typ = jwt.getHeader().getType();
    if (typ != null && !JOSEObjectType.JWT.equals(typ)) throw new TokenRejected(AuthReasons.TOKEN_INVALID);
    if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) throw new TokenRejected(AuthReasons.TOKEN_INVALID_ALGORITHM);
    JWTClaimsSet claims = claims(jwt);
    if (!(claims.getClaim("sub") instanceof String)) throw new TokenRejected(AuthReasons.TOKEN_VERIFICATION_FAILED);
    if (claims.getClaim("azp") instanceof String azp && !authorizedParties.isEmpty() && !authorizedParties.contains(azp)) {
      throw new TokenRejected(AuthReasons.TOKEN_INVALID_AUTHORIZED_PARTIES);
    }
    Date exp = claims.getExpirationTime();
    if (exp == null) throw new TokenRejected(AuthReasons.TOKEN_VERIFICATION_FAILED);
    if (!exp.toInstant().isAfter(now.minus(skew))) throw new TokenRejected(AuthReasons.TOKEN_EXPIRED);
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) throw new TokenRejected(AuthReasons.TOKEN_NOT_ACTIVE_YET);
    Date iat = claims.getIssueTime();
    if (iat != null && iat.toInstant().isAfter(now.plus(skew))) throw new TokenRejected(AuthReasons.TOKEN_IAT_IN_THE_FUTURE);
    if (!signedBy(jwt, key)) throw new TokenRejected(AuthReasons.TOKEN_INVALID_SIGNATURE);
    return claims;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws TokenRejected {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejected(AuthReasons.TOKEN_INVALID);
    }
  }

  private static boolean signedBy(SignedJWT jwt, RSAKey key) {
    try {
      return jwt.verify(new RSASSAVerifier(key));
    } catch (JOSEException e) {
      return false;
    }
  }
}
