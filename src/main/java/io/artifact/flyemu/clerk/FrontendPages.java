package io.artifact.flyemu.clerk;

import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.http.Routes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The browser-facing side of the local instance: the Frontend API's public JWKS, client handshake
 * and dev browsers, and the Account Portal's sign-in and sign-up pages, which keep the
 * {@code redirect_url} the router sent. Signing in interactively is not emulated; tests get
 * sessions through the Backend API.
 */
final class FrontendPages implements HttpHandler {

  private final Routes routes;

  FrontendPages(SigningKey key, Handshake handshake, DevBrowsers devBrowsers) {
    this.routes = new Routes()
        .on("GET", "/.well-known/jwks.json", (r, p) -> HttpResponse.json(200, key.publicJwks()))
        .on("GET", "/v1/client/handshake", (r, p) -> handshake.handle(r))
        .on("POST", "/v1/dev_browser", (r, p) -> devBrowsers.create(r))
        .on("GET", "/sign-in", (r, p) -> page("Sign in", r))
        .on("GET", "/sign-up", (r, p) -> page("Sign up", r));
  }

  /** Frontend API paths under {@code /v1}; the Backend API has none of them (it says {@code /v1/clients}). */
  static boolean serves(String path) {
    return path.equals("/v1/dev_browser") || path.equals("/v1/client") || path.startsWith("/v1/client/");
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    return routes.dispatch(request, r -> HttpResponse.text(404, "Not Found"));
  }

  private static HttpResponse page(String title, HttpRequest request) {
    String redirect = request.query("redirect_url").filter(FrontendPages::absoluteHttpUrl).orElse(null);
    StringBuilder html = new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(title).append(" · local Clerk</title></head>\n<body>\n<h1>").append(title).append("</h1>\n")
        .append("<p>Local Clerk Account Portal.</p>\n")
        .append("<form method=\"get\" action=\"").append(escape(request.path())).append("\">\n");
    if (redirect != null) {
      html.append("<input type=\"hidden\" name=\"redirect_url\" value=\"").append(escape(redirect)).append("\">\n");
    }
    html.append("</form>\n");
    if (redirect != null) {
      html.append("<p>After signing in you return to <a id=\"redirect-url\" href=\"").append(escape(redirect))
          .append("\">").append(escape(redirect)).append("</a></p>\n");
    }
    html.append("</body></html>\n");
    return new HttpResponse(200, Map.of("content-type", List.of("text/html; charset=utf-8"), "cache-control", List.of("no-store")),
        html.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean absoluteHttpUrl(String url) {
    try {
      String scheme = URI.create(url).getScheme();
      return "http".equals(scheme) || "https".equals(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
