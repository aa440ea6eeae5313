package io.artifact.flyemu.clerk;

import com.nimbusds.jwt.JWTClaimsSet;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Frontend API's {@code GET /v1/client/handshake} of a development instance, where
 * {@code @clerk/backend} sends a browser whose auth state it cannot decide. It answers 307 back to
 * {@code redirect_url} with {@code __clerk_handshake=<JWT>}: signed with the instance key under its
 * {@code kid}, claim {@code handshake} = the Set-Cookie directives ({@code verifyHandshakeToken} in
 * clerk/javascript {@code tokens/handshake.ts}). Behaviour from Clerk's server (clerk_go
 * {@code fapi/v1/clients}: {@code HTTP.Handshake}, {@code ValidateRedirectURL},
 * {@code CreateHandshakeCookieJar}; {@code fapi/v1/cookies}: {@code CreateEncodedHandshakeCookie}).
 * The directives always fit, so the nonce format ({@code format=nonce}) is never needed.
 */
final class Handshake {

  private static final String CLIENT_COOKIE = "__client";

  private final LocalClerk clerk;
  private final ClerkDirectory directory;
  private final DevBrowsers devBrowsers;
  private final Clock clock;

  Handshake(LocalClerk clerk, ClerkDirectory directory, DevBrowsers devBrowsers, Clock clock) {
    this.clerk = clerk;
    this.directory = directory;
    this.devBrowsers = devBrowsers;
    this.clock = clock;
  }

  HttpResponse handle(HttpRequest request) {
    String raw = request.query("redirect_url").orElse("");
    if (raw.isEmpty()) return invalidHandshake("missing redirect_url");
    URI target;
    try {
      target = new URI(raw);
    } catch (URISyntaxException e) {
      return invalidValue(raw);
    }
    // Go's url.ParseRequestURI takes an absolute URI or an absolute path only.
    if (target.getScheme() == null && !raw.startsWith("/")) return invalidValue(raw);
    if (target.getScheme() != null && !target.getScheme().equals("http") && !target.getScheme().equals("https")) {
      return invalidHandshake("invalid url scheme");
    }
    String host = host(target);
    // A development instance accepts any host; only production ones check it against their domains.
    if (host.isEmpty()) return invalidValue("");

    Optional<ClerkSession> session = clientId(request).flatMap(directory::latestActiveSession);
    String devBrowser = devBrowsers.resolve(request.query(HandshakeCookies.DEV_BROWSER).orElse(null));
    boolean suffixed = "true".equals(request.query("suffixed_cookies").orElse(null));
    String suffix = suffixed ? PublishableKey.parse(clerk.publishableKey()).orElseThrow().cookieSuffix() : null;
    HandshakeCookies cookies = new HandshakeCookies(clock.instant(), suffix);

    List<String> directives = new ArrayList<>();
    directives.add(HandshakeCookies.clearClientUat());
    directives.add(cookies.clientUat(session.map(s -> String.valueOf(s.updatedAt().getEpochSecond())).orElse("0"),
        HandshakeCookies.clientUatDomain(host)));
    directives.add(session.map(s -> cookies.session(clerk.sessionToken(s.userId(), s.id(), clerk.settings().sessionTokenTtl())))
        .orElseGet(cookies::clearSession));
    directives.add(cookies.devBrowser(devBrowser));
    String payload = clerk.signingKey().sign(new JWTClaimsSet.Builder().claim("handshake", directives).build());

    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("location", List.of(withParam(raw, "__clerk_handshake", payload)));
    headers.put("access-control-allow-origin", List.of("null"));
    headers.put("access-control-allow-credentials", List.of("true"));
    return new HttpResponse(307, headers, new byte[0]);
  }

  /** The client the browser signed in with on this Frontend API: the instance-signed {@code __client} cookie's {@code id}. */
  private Optional<String> clientId(HttpRequest request) {
    return request.cookie(CLIENT_COOKIE).flatMap(clerk.signingKey()::verifiedClaims)
        .map(claims -> claims.getClaim("id")).filter(String.class::isInstance).map(String.class::cast);
  }

  /** The host as Go's net/url reads it, also where java.net.URI refuses one ({@code user_2abc.example}). */
  private static String host(URI uri) {
    if (uri.getHost() != null) return uri.getHost();
    String authority = uri.getRawAuthority();
    if (authority == null) return "";
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = hostPort.lastIndexOf(':');
    return (colon < 0 ? hostPort : hostPort.substring(0, colon)).toLowerCase();
  }

  private static String withParam(String url, String name, String value) {
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
    return base + separator + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + fragment;
  }

  /** clerk_go {@code apierror.InvalidHandshake}. */
  private static HttpResponse invalidHandshake(String reason) {
    return HttpResponse.json(400, ClerkJson.error("invalid_handshake", "invalid handshake",
        "The handshake request is invalid: " + reason, null));
  }

  /** clerk_go {@code apierror.FormInvalidParameterValue("redirect_url", value)}. */
  private static HttpResponse invalidValue(String value) {
    return HttpResponse.json(422, ClerkJson.error("form_param_value_invalid", "is invalid",
        value + " does not match one of the allowed values for parameter redirect_url", "redirect_url"));
  }
}
