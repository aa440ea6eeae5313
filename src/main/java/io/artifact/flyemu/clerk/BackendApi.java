package io.artifact.flyemu.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.clerk.ClerkDirectory.NewUser;
import io.artifact.flyemu.clerk.ClerkDirectory.UserQuery;
import io.artifact.flyemu.http.HttpHandler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.http.Routes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subset of Clerk's Backend API ({@code https://api.clerk.com/v1}) the suite and the apps use
 * (routes and shapes: {@code clerk/openapi-specs} {@code bapi/2025-04-10.yml}).
 * Every call needs {@code Authorization: Bearer <secret key>}; domain refusals become Clerk's
 * status codes and error codes here, and only here.
 */
final class BackendApi implements HttpHandler {

  private static final String KEY_INVALID = "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.";

  private final LocalClerk clerk;
  private final ClerkDirectory directory;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final Routes routes;

  BackendApi(LocalClerk clerk, ClerkDirectory directory) {
    this.clerk = clerk;
    this.directory = directory;
    this.routes = new Routes()
        .on("GET", "/v1/jwks", (r, p) -> json(200, clerk.signingKey().publicJwks()))
        .on("POST", "/v1/users", (r, p) -> ok(ClerkJson.user(createUser(ClerkJson.parse(r.bodyText())))))
        .on("GET", "/v1/users", (r, p) -> ok(ClerkJson.array(users(r.rawQuery()).stream().map(ClerkJson::user).toList())))
        .on("GET", "/v1/users/{id}", (r, p) -> ok(ClerkJson.user(directory.user(p.get("id")))))
        .on("DELETE", "/v1/users/{id}", (r, p) -> ok(ClerkJson.deletedUser(directory.deleteUser(p.get("id")).id())))
        .on("GET", "/v1/users/{id}/oauth_access_tokens/{provider}", (r, p) -> oauthAccessTokens(r, p.get("id"), p.get("provider")))
        .on("POST", "/v1/sessions", (r, p) -> ok(ClerkJson.session(directory.createSession(ClerkJson.parse(r.bodyText()).path("user_id").asText(null)))))
        .on("GET", "/v1/sessions", (r, p) -> ok(ClerkJson.array(directory.sessions(QueryParams.first(r.rawQuery(), "user_id"),
            QueryParams.first(r.rawQuery(), "status")).stream().map(ClerkJson::session).toList())))
        .on("GET", "/v1/sessions/{id}", (r, p) -> ok(ClerkJson.session(directory.session(p.get("id")))))
        .on("POST", "/v1/sessions/{id}/revoke", (r, p) -> ok(ClerkJson.session(directory.revoke(p.get("id")))))
        .on("POST", "/v1/sessions/{id}/tokens", (r, p) -> ok(ClerkJson.token(token(p.get("id"), ClerkJson.parse(r.bodyText())))));
  }

  @Override
  public HttpResponse handle(HttpRequest request) throws Exception {
    if (request.path().equals("/v1/jwks")) jwksRequests.incrementAndGet();
    if (!authorized(request)) return error(401, "clerk_key_invalid", KEY_INVALID, KEY_INVALID, null);
    try {
      return routes.dispatch(request, r -> error(404, "resource_not_found", "not found", "Resource not found", null));
    } catch (ClerkException e) {
      return switch (e.kind()) {
        case NOT_FOUND -> error(404, "resource_not_found", "not found", e.getMessage(), null);
        case IDENTIFIER_EXISTS -> error(422, "form_identifier_exists", e.getMessage(), e.getMessage(), e.param());
        case FORM_DATA_MISSING -> error(422, "form_data_missing", "missing data", e.getMessage(), e.param());
        case INVALID_REQUEST -> error(400, "request_body_invalid", "Request body invalid", e.getMessage(), e.param());
      };
    }
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  private boolean authorized(HttpRequest request) {
    String header = request.header("authorization").orElse("");
    if (!header.startsWith("Bearer ")) return false;
    byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, clerk.secretKey().getBytes(StandardCharsets.UTF_8));
  }

  private ClerkUser createUser(JsonNode body) {
    List<String> emails = new ArrayList<>();
    body.path("email_address").forEach(e -> emails.add(e.asText()));
    return directory.createUser(new NewUser(text(body, "external_id"), text(body, "username"), emails,
        text(body, "first_name"), text(body, "last_name")));
  }

  private List<ClerkUser> users(String q) {
    return directory.users(new UserQuery(QueryParams.all(q, "user_id"), QueryParams.all(q, "external_id"),
        QueryParams.all(q, "username"), QueryParams.all(q, "email_address"),
        QueryParams.integer(q, "limit", 10, 500), QueryParams.integer(q, "offset", 0, Integer.MAX_VALUE)));
  }

  /**
   * Clerk's server ({@code clerk_go} users {@code ListOAuthAccessTokens}): a bare array, or
   * {@code {data, total_count}} when {@code paginated=true}, which {@code @clerk/backend} 2.x's
   * {@code users.getUserOauthAccessToken} always sends. An unknown user fails earlier, in Clerk's
   * {@code CheckUserInInstance}: 404 {@code resource_not_found}.
   */
  private HttpResponse oauthAccessTokens(HttpRequest request, String userId, String provider) {
    List<ObjectNode> tokens =
        directory.oauthAccounts(userId, provider).stream().map(ClerkJson::oauthAccessToken).toList();
    boolean paginated = "true".equals(QueryParams.first(request.rawQuery(), "paginated"));
    return ok(paginated ? ClerkJson.paginated(tokens) : ClerkJson.array(tokens));
  }

  private String token(String sessionId, JsonNode body) {
    ClerkSession session = directory.activeSession(sessionId);
    Duration lifetime = clerk.settings().tokenLifetime().of(body, clerk.settings().sessionTokenTtl());
    return clerk.sessionToken(session.userId(), session.id(), lifetime);
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static HttpResponse ok(JsonNode node) {
    return json(200, node.toString());
  }

  private static HttpResponse json(int status, String body) {
    return HttpResponse.json(status, body);
  }

  private static HttpResponse error(int status, String code, String message, String longMessage, String param) {
    return json(status, ClerkJson.error(code, message, longMessage, param));
  }
}
