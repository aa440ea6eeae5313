package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Frontend API's client handshake, as {@code @clerk/backend}'s {@code authenticateRequest}
 * sends a development-instance browser to it and then reads {@code __clerk_handshake}.
 */
class HandshakeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String APP = "http://app.localhost:8080/computers?tab=1";
  private static LocalClerk clerk;

  @BeforeAll
  static void start() {
    clerk = new LocalClerk().start();
  }

  @AfterAll
  static void stop() {
    clerk.close();
  }

  @Test
  void sendsASignedOutBrowserBackWithAPayloadThatClearsItsSession() throws Exception {
    HttpResponse<String> response = handshake(APP, "&suffixed_cookies=false&__clerk_hs_reason=dev-browser-missing&format=nonce", null);

    assertThat(response.statusCode()).isEqualTo(307);
    String location = response.headers().firstValue("location").orElseThrow();
    assertThat(location).startsWith(APP + "&__clerk_handshake=");
    assertThat(response.headers().firstValue("access-control-allow-origin")).contains("null");
    assertThat(response.headers().firstValue("access-control-allow-credentials")).contains("true");
    List<String> cookies = verifiedDirectives(location);
    assertThat(cookies).hasSize(4);
    assertThat(cookies.get(0)).isEqualTo("__client_uat=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax");
    assertThat(cookies.get(1)).isEqualTo("__client_uat=0; Path=/; Domain=app.localhost; Max-Age=315360000; SameSite=Lax");
    assertThat(cookies.get(2)).isEqualTo("__session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax");
    assertThat(cookies.get(3)).matches("__clerk_db_jwt=dvb_[A-Za-z0-9]{27}; Path=/; Expires=\\w{3}, \\d{2} \\w{3} \\d{4} [0-9:]{8} GMT; SameSite=Lax");
  }

  @Test
  void keepsADevBrowserItIssuedAndReplacesOneItDidNot() throws Exception {
    HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(clerk.frontendApiUrl() + "/v1/dev_browser"))
        .POST(HttpRequest.BodyPublishers.noBody()).header("Origin", "http://app.localhost:8080"));
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().firstValue("access-control-allow-origin")).contains("http://app.localhost:8080");
    String issued = JSON.readTree(created.body()).path("id").asText();
    assertThat(issued).matches("dvb_[A-Za-z0-9]{27}");

    String kept = devBrowserOf(handshake(APP, "&__clerk_db_jwt=" + issued, null));
    String replaced = devBrowserOf(handshake(APP, "&__clerk_db_jwt=dvb_fromAnEarlierRun", null));

    assertThat(kept).isEqualTo(issued);
    assertThat(replaced).startsWith("dvb_").isNotEqualTo("dvb_fromAnEarlierRun").isNotEqualTo(issued);
  }

  @Test
  void givesASignedInClientAFreshSessionTokenAndItsClientUat() throws Exception {
    String userId = clerk.directory().createUser(new ClerkDirectory.NewUser("hs-" + ClerkIds.random(6), null, List.of(), null, null)).id();
    ClerkSession session = clerk.directory().createSession(userId);

    List<String> cookies = verifiedDirectives(location(handshake(APP, "", clerk.clientCookie(session.clientId()))));

    String uat = value(cookies.get(1));
    assertThat(cookies.get(1)).isEqualTo("__client_uat=" + uat + "; Path=/; Domain=app.localhost; Max-Age=315360000; SameSite=Lax");
    assertThat(cookies.get(2)).startsWith("__session=ey").endsWith("; SameSite=Lax").doesNotContain("1970");
    SignedJWT token = SignedJWT.parse(value(cookies.get(2)));
    assertThat(token.verify(new RSASSAVerifier(instanceKey("/v1/jwks")))).isTrue();
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(userId);
    assertThat(claims.getStringClaim("sid")).isEqualTo(session.id());
    // @clerk/backend hands the browser a new handshake when the token's iat is before __client_uat.
    assertThat(Long.parseLong(uat)).isPositive().isLessThanOrEqualTo(claims.getIssueTime().getTime() / 1000);
  }

  @Test
  void signsARevokedSessionOrAForgedClientCookieOut() throws Exception {
    String userId = clerk.directory().createUser(new ClerkDirectory.NewUser("hs-" + ClerkIds.random(6), null, List.of(), null, null)).id();
    ClerkSession session = clerk.directory().createSession(userId);
    LocalClerk other = new LocalClerk().start();
    String forged;
    try {
      forged = other.clientCookie(session.clientId());
    } finally {
      other.close();
    }

    List<String> withForgedCookie = verifiedDirectives(location(handshake(APP, "", forged)));
    clerk.directory().revoke(session.id());
    List<String> afterRevoke = verifiedDirectives(location(handshake(APP, "", clerk.clientCookie(session.clientId()))));

    for (List<String> cookies : List.of(withForgedCookie, afterRevoke)) {
      assertThat(cookies.get(1)).startsWith("__client_uat=0;");
      assertThat(cookies.get(2)).startsWith("__session=;");
    }
  }

  @Test
  void namesTheCookiesWithTheInstanceSuffixWhenAskedTo() throws Exception {
    String suffix = PublishableKey.parse(clerk.publishableKey()).orElseThrow().cookieSuffix();

    List<String> cookies = verifiedDirectives(location(handshake(APP, "&suffixed_cookies=true", null)));

    assertThat(cookies.get(0)).startsWith("__client_uat=;");
    assertThat(cookies.get(1)).startsWith("__client_uat_" + suffix + "=0;");
    assertThat(cookies.get(2)).startsWith("__session_" + suffix + "=;");
    assertThat(cookies.get(3)).startsWith("__clerk_db_jwt_" + suffix + "=dvb_");
  }

  @Test
  void sendsADevelopmentBrowserBackToAnyHostKeepingItsQueryAndFragment() throws Exception {
    String elsewhere = "https://sly-fox--user_2abc.tr.artifact.test/p?q=1#top";

    HttpResponse<String> response = handshake(elsewhere, "", null);

    assertThat(response.statusCode()).isEqualTo(307);
    String location = location(response);
    assertThat(location).startsWith("https://sly-fox--user_2abc.tr.artifact.test/p?q=1&__clerk_handshake=").endsWith("#top");
    assertThat(verifiedDirectives(location.substring(0, location.indexOf('#'))).get(1)).contains("; Domain=artifact.test;");
  }

  @Test
  void refusesAMissingRedirectUrlAsAnInvalidHandshake() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(clerk.frontendApiUrl() + "/v1/client/handshake?suffixed_cookies=false")));

    JsonNode error = error(response, 400);
    assertThat(error.path("code").asText()).isEqualTo("invalid_handshake");
    assertThat(error.path("message").asText()).isEqualTo("invalid handshake");
    assertThat(error.path("long_message").asText()).isEqualTo("The handshake request is invalid: missing redirect_url");
  }

  @Test
  void refusesARedirectUrlThatIsNotAnAbsoluteHttpUrlAsClerkDoes() throws Exception {
    JsonNode notAUrl = error(handshake("not a url", "", null), 422);
    JsonNode pathOnly = error(handshake("/computers", "", null), 422);
    JsonNode script = error(handshake("javascript:alert(1)", "", null), 400);

    assertThat(notAUrl.path("code").asText()).isEqualTo("form_param_value_invalid");
    assertThat(notAUrl.path("meta").path("param_name").asText()).isEqualTo("redirect_url");
    assertThat(notAUrl.path("long_message").asText()).isEqualTo("not a url does not match one of the allowed values for parameter redirect_url");
    assertThat(pathOnly.path("code").asText()).isEqualTo("form_param_value_invalid");
    assertThat(script.path("code").asText()).isEqualTo("invalid_handshake");
    assertThat(script.path("long_message").asText()).endsWith("invalid url scheme");
  }

  private static List<String> verifiedDirectives(String location) throws Exception {
    String param = "__clerk_handshake=";
    String encoded = location.substring(location.indexOf(param) + param.length()).split("&")[0];
    SignedJWT payload = SignedJWT.parse(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    assertThat(payload.getHeader().getKeyID()).isEqualTo(clerk.kid());
    assertThat(payload.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    // @clerk/backend verifies it with the Backend API's JWKS; the Frontend API publishes the same key.
    assertThat(payload.verify(new RSASSAVerifier(instanceKey("/v1/jwks")))).isTrue();
    assertThat(payload.verify(new RSASSAVerifier(instanceKey("/.well-known/jwks.json")))).isTrue();
    return payload.getJWTClaimsSet().getStringListClaim("handshake");
  }

  private static RSAKey instanceKey(String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(clerk.apiUrl() + path)).header("Authorization", "Bearer " + clerk.secretKey());
    return JWKSet.parse(send(b).body()).getKeyByKeyId(clerk.kid()).toRSAKey();
  }

  private static String devBrowserOf(HttpResponse<String> response) throws Exception {
    return value(verifiedDirectives(location(response)).get(3));
  }

  private static String value(String directive) {
    return directive.substring(directive.indexOf('=') + 1, directive.indexOf(';'));
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(307);
    return response.headers().firstValue("location").orElseThrow();
  }

  private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body()).path("errors").get(0);
  }

  private static HttpResponse<String> handshake(String redirectUrl, String extraQuery, String clientCookie) throws Exception {
    String url = clerk.frontendApiUrl() + "/v1/client/handshake?redirect_url=" + URLEncoder.encode(redirectUrl, StandardCharsets.UTF_8)
        + "&__clerk_api_version=2025-04-10" + extraQuery;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (clientCookie != null) b.header("Cookie", "__client=" + clientCookie);
    return send(b);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
