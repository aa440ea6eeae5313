package io.artifact.flyemu.clerk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Optional;

/** An instance's RS256 key pair, named by {@code kid} as Clerk names them ({@code ins_…}). */
public final class SigningKey {

  private final RSAKey key;

  private SigningKey(RSAKey key) {
    this.key = key;
  }

  /**
   * The key of a local Clerk instance. Every instance in one JVM signs with the same RSA pair under a kid of
   * its own: generating a 2048-bit pair takes 0.3–2 s of CPU, and a token of another instance is still
   * refused as @clerk/backend refuses it, by its kid ({@code jwk-kid-mismatch}) before any signature check.
   * A key that must really differ (a forgery's) comes from {@link #generate}.
   */
  public static SigningKey instanceKey(String kid) {
    return InstancePair.KEY.withKid(kid);
  }

  private static final class InstancePair {
    static final SigningKey KEY = generate("ins_shared");
  }

  /** A fresh key pair. */
  public static SigningKey generate(String kid) {
    try {
      return new SigningKey(new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key pair: " + e.getMessage(), e);
    }
  }

  /** The same key pair under another {@code kid}. */
  public SigningKey withKid(String kid) {
    return new SigningKey(new RSAKey.Builder(key).keyID(kid).build());
  }

  public String kid() {
    return key.getKeyID();
  }

  /** The JWKS document with the public half only, as {@code /v1/jwks} serves it. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  /** The key pair itself as a JWK (private half included): a credential, for the instance's testing surface only. */
  String privateJwk() {
    return key.toJSONString();
  }

  /** The claims of a JWT this key signed (RS256) under its kid; empty for any other token. */
  public Optional<JWTClaimsSet> verifiedClaims(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !kid().equals(jwt.getHeader().getKeyID())
          || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
        return Optional.empty();
      }
      return Optional.of(jwt.getJWTClaimsSet());
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  public String sign(JWTClaimsSet claims) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a session token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
