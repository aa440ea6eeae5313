package io.artifact.flyemu.clerk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Set-Cookie directives a development instance's handshake payload carries, written as
 * Clerk's server writes them (Go {@code http.Cookie.String()} of clerk_go
 * {@code fapi/v1/cookies}: {@code NewClientUatClear}, {@code NewClientUatSignedIn/SignedOut},
 * {@code NewSessionSignedIn/Clear}, {@code NewDevBrowser}), with {@code Secure} dropped as in
 * development and {@code SameSite=Lax} as observed on real development payloads. With
 * {@code suffixed} the instance's cookie suffix is appended, as the suffixed cookie recipe does.
 */
final class HandshakeCookies {

  static final String CLIENT_UAT = "__client_uat";
  static final String SESSION = "__session";
  static final String DEV_BROWSER = "__clerk_db_jwt";
  private static final long TEN_YEARS_SECONDS = 315_360_000L;
  private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final String aYearFromNow;
  private final String suffix;

  /** {@code suffix} null: the plain names ({@code suffixed_cookies=false}). */
  HandshakeCookies(Instant now, String suffix) {
    this.aYearFromNow = HTTP_DATE.format(now.atOffset(ZoneOffset.UTC).plusYears(1));
    this.suffix = suffix;
  }

  /** Clerk always clears the unsuffixed, domain-less {@code __client_uat} first (clerk-js v4 leftovers). */
  static String clearClientUat() {
    return CLIENT_UAT + "=; Path=/; Expires=" + EPOCH + "; SameSite=Lax";
  }

  /** {@code value} is {@code 0} when signed out, else the client's last update in unix seconds. */
  String clientUat(String value, String domain) {
    return name(CLIENT_UAT) + "=" + value + "; Path=/; Domain=" + domain + "; Max-Age=" + TEN_YEARS_SECONDS + "; SameSite=Lax";
  }

  String session(String jwt) {
    return name(SESSION) + "=" + jwt + "; Path=/; Expires=" + aYearFromNow + "; SameSite=Lax";
  }

  String clearSession() {
    return name(SESSION) + "=; Path=/; Expires=" + EPOCH + "; SameSite=Lax";
  }

  String devBrowser(String token) {
    return name(DEV_BROWSER) + "=" + token + "; Path=/; Expires=" + aYearFromNow + "; SameSite=Lax";
  }

  /**
   * {@code ClientUatDomain} for development: the redirect host itself when it is an IP address or a
   * single label ({@code localhost}), else its eTLD+1 — here the last two labels, which matches the
   * public suffix list for single-label suffixes ({@code .com}, {@code .test}) but not for
   * {@code co.uk}-style ones.
   */
  static String clientUatDomain(String host) {
    if (host.matches("[0-9.]+") || host.contains(":") || !host.contains(".")) return host;
    String[] labels = host.split("\\.");
    return labels[labels.length - 2] + "." + labels[labels.length - 1];
  }

  private String name(String base) {
    return suffix == null ? base : base + "_" + suffix;
  }
}
