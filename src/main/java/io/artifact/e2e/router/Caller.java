package io.artifact.e2e.router;

import io.artifact.e2e.clerk.SessionToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who knocks at the router: a browser navigating (HTML, {@code Sec-Fetch-Dest: document}, Clerk
 * cookies when signed in) or an API client (JSON, {@code Authorization: Bearer} when signed in).
 */
public record Caller(String name, boolean browser, Optional<SessionToken> session) {

  public static Caller signedOutBrowser() {
    return new Caller("a signed-out browser", true, Optional.empty());
  }

  public static Caller signedOutApiClient() {
    return new Caller("a signed-out API client", false, Optional.empty());
  }

  public static Caller browser(String user, SessionToken token) {
    return new Caller(user + "'s browser", true, Optional.of(token));
  }

  public static Caller apiClient(String user, SessionToken token) {
    return new Caller(user + "'s API client", false, Optional.of(token));
  }

  Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    if (browser) {
      h.put("Accept", "text/html,application/xhtml+xml");
      h.put("Sec-Fetch-Dest", "document");
      session.ifPresent(s -> h.put("Cookie", s.cookieHeader()));
    } else {
      h.put("Accept", "application/json");
      session.ifPresent(s -> h.put("Authorization", s.authorizationHeader()));
    }
    return h;
  }
}
