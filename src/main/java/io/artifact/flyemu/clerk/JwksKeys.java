package io.artifact.flyemu.clerk;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys fetched from {@code {apiUrl}/{version}/jwks}, cached for a bounded time per
 * (API URL, secret key). Clerk's own cache is keyed by {@code kid} alone; keying by the secret
 * (by its hash, never the secret itself) makes a changed {@code CLERK_SECRET_KEY} take effect on
 * the next request, which the DOC behaviour "missing/wrong secret → 401" needs in a test.
 */
final class JwksKeys {

  private final HttpClient http;
  private final Duration ttl;
  private final Duration timeout;
  private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

  JwksKeys(Duration ttl, Duration timeout) {
    this.ttl = ttl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(timeout).build();
  }

  RSAKey find(String apiUrl, String apiVersion, String secretKey, String kid) throws TokenRejected {
    String url = stripSlash(apiUrl) + "/" + apiVersion + "/jwks";
    JWKSource<SecurityContext> source;
    try {
      source = sources.computeIfAbsent(url + " " + sha256(secretKey), k -> build(url, secretKey));
    } catch (IllegalArgumentException e) {
      throw new TokenRejected(AuthReasons.JWK_REMOTE_FAILED_TO_LOAD);
    }
    List<JWK> keys;
    try {
      keys = source.get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid == null ? "" : kid).build()), null);
    } catch (KeySourceException e) {
      throw new TokenRejected(refusedSecret(e) ? AuthReasons.SECRET_KEY_INVALID : AuthReasons.JWK_REMOTE_FAILED_TO_LOAD);
    }
    if (keys.isEmpty()) throw new TokenRejected(AuthReasons.JWK_KID_MISMATCH);
    return (RSAKey) keys.get(0);
  }

  private JWKSource<SecurityContext> build(String url, String secretKey) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(), new BackendJwksRetriever(http, secretKey, timeout))
          .cache(ttl.toMillis(), timeout.toMillis() + 1000)
          .rateLimited(false)
          .retrying(false)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("CLERK_API_URL is not a URL: " + url, e);
    }
  }

  private static boolean refusedSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof BackendJwksRetriever.SecretKeyRefused) return true;
    return false;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
