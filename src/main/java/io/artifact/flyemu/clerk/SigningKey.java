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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
    static final SigningKey KEY = kept("ins_shared");
  }

  /** The system property naming a directory where generated pairs are kept for the next JVM. */
  public static final String KEY_CACHE = "flyemu.key-cache";

  /**
   * A pair kept between JVMs in the directory {@value #KEY_CACHE} names, generated on first use; without the
   * property, generated afresh. A build sets it under {@code target/} so its test JVMs stop paying seconds of
   * CPU each for the same kind of key. The file holds a private key of a local emulator only: owner-only,
   * written whole (a concurrent JVM either finds it complete or writes its own).
   */
  static SigningKey kept(String name) {
    return kept(name, System.getProperty(KEY_CACHE, ""), () -> generate(name));
  }

  static SigningKey kept(String name, String dir, java.util.function.Supplier<SigningKey> generate) {
    if (dir.isBlank()) return generate.get();
    Path file = Path.of(dir, name + ".jwk");
    try {
      if (Files.isRegularFile(file)) return new SigningKey(RSAKey.parse(Files.readString(file)));
    } catch (IOException | ParseException e) {
      // unreadable or torn: replaced below
    }
    SigningKey fresh = generate.get();
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), name, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, fresh.privateJwk());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      // not kept: the next JVM generates its own
    }
    return fresh;
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
