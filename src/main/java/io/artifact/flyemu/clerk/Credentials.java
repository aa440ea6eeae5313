package io.artifact.flyemu.clerk;

import com.nimbusds.jwt.JWTClaimsSet;
import io.artifact.flyemu.http.HttpRequest;
import java.text.ParseException;
import java.util.Optional;

/**
 * Where {@code authenticateRequest} takes the session token from (fly-facts §9.1): the
 * {@code Authorization} header when it yields a token, otherwise the cookies, whose rules
 * ({@code __client_uat}, dev-browser token, suffixed names) can already decide the outcome.
 * Exactly one of {@code token} and {@code reason} is set.
 */
record Credentials(String token, boolean fromCookie, long clientUat, String reason) {

  static final String SESSION = "__session";
  static final String CLIENT_UAT = "__client_uat";
  static final String DEV_BROWSER = "__clerk_db_jwt";

  static Credentials of(HttpRequest request, PublishableKey key) {
    String header = fromAuthorization(request.header("authorization").orElse(null));
    if (header != null && !header.isEmpty()) return new Credentials(header, false, 0, null);
    Cookies cookies = new Cookies(request, key);
    String session = cookies.get(SESSION);
    long uat = parseUat(cookies.get(CLIENT_UAT));
    if (key.development() && request.query(DEV_BROWSER).isPresent()) return signedOut(AuthReasons.DEV_BROWSER_SYNC);
    if (key.development() && cookies.get(DEV_BROWSER) == null) return signedOut(AuthReasons.DEV_BROWSER_MISSING);
    if (uat == 0 && session == null) return signedOut(AuthReasons.SESSION_TOKEN_AND_UAT_MISSING);
    if (uat == 0) return signedOut(AuthReasons.SESSION_TOKEN_WITHOUT_CLIENT_UAT);
    if (session == null) return signedOut(AuthReasons.CLIENT_UAT_WITHOUT_SESSION_TOKEN);
    return new Credentials(session, true, uat, null);
  }

  /** Like {@code parseAuthorizationHeader}: {@code Bearer <t>} → t; a lone value is the token; other schemes → none. */
  private static String fromAuthorization(String value) {
    if (value == null || value.isEmpty()) return null;
    int space = value.indexOf(' ');
    if (space < 0) return value;
    String scheme = value.substring(0, space);
    String rest = value.substring(space + 1);
    String token = rest.indexOf(' ') < 0 ? rest : rest.substring(0, rest.indexOf(' '));
    if (token.isEmpty()) return scheme;
    return scheme.equals("Bearer") ? token : null;
  }

  private static long parseUat(String v) {
    if (v == null) return 0;
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Credentials signedOut(String reason) {
    return new Credentials(null, false, 0, reason);
  }

  @Override
  public String toString() {
    return "Credentials[" + (token == null ? "none: " + reason : fromCookie ? "cookie" : "header") + "]";
  }

  /** Clerk's choice between {@code __session} and {@code __session_<suffix>} (simplified {@code usesSuffixedCookies}). */
  private static final class Cookies {
    private final HttpRequest request;
    private final String suffix;
    private final boolean suffixed;

    Cookies(HttpRequest request, PublishableKey key) {
      this.request = request;
      this.suffix = "_" + key.cookieSuffix();
      this.suffixed = usesSuffixed(key);
    }

    String get(String name) {
      return request.cookie(suffixed ? name + suffix : name).filter(v -> !v.isEmpty()).orElse(null);
    }

    private boolean usesSuffixed(PublishableKey key) {
      Optional<String> session = request.cookie(SESSION).filter(v -> !v.isEmpty());
      String issuer = session.map(Cookies::issuer).orElse(null);
      if (session.isPresent() && issuer == null) return false;
      if (issuer != null && !issuer.replaceFirst("^https?://", "").equals(key.frontendApiHost())) return true;
      boolean suffixedUat = request.cookie(CLIENT_UAT + suffix).isPresent();
      boolean suffixedSession = request.cookie(SESSION + suffix).filter(v -> !v.isEmpty()).isPresent();
      if (!suffixedUat && !suffixedSession) return false;
      return suffixedUat;
    }

    private static String issuer(String token) {
      try {
        JWTClaimsSet claims = TokenVerification.decode(token).getJWTClaimsSet();
        return claims.getIssuer();
      } catch (TokenRejected | ParseException e) {
        return null;
      }
    }
  }
}
