package io.artifact.flyemu.clerk;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dev browsers of the development instance: the {@code dvb_…} tokens that stand in for
 * third-party cookies ({@code __clerk_db_jwt}). {@code POST /v1/dev_browser} mints one for
 * clerk-js, and the handshake mints one for a browser that brings none (Clerk's server:
 * {@code CreateDevBrowserModel} in clerk_go {@code HTTP.Handshake}). They are never bound to a
 * client here, because signing in on the Frontend API is not emulated.
 */
final class DevBrowsers {

  private final Set<String> tokens = ConcurrentHashMap.newKeySet();

  String mint() {
    String token = ClerkIds.next("dvb");
    tokens.add(token);
    return token;
  }

  /** The presented token if this instance issued it; otherwise (none, or one from an earlier run) a new one. */
  String resolve(String presented) {
    return presented != null && tokens.contains(presented) ? presented : mint();
  }

  /**
   * {@code POST /v1/dev_browser}: current clerk-js reads {@code id}, older ones {@code token}
   * (clerk/javascript {@code devBrowser.ts}); both carry the token. The origin is echoed for
   * credentialed CORS, as a development instance accepts any origin.
   */
  HttpResponse create(HttpRequest request) {
    String token = mint();
    HttpResponse response = HttpResponse.json(200, ClerkJson.MAPPER.createObjectNode().put("id", token).put("token", token).toString());
    return request.header("origin")
        .map(o -> response.withHeader("access-control-allow-origin", o).withHeader("access-control-allow-credentials", "true"))
        .orElse(response);
  }
}
