package io.artifact.flyemu.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches the JWKS from the Backend API with {@code Authorization: Bearer <secret key>}, like
 * {@code fetchJWKSFromBAPI}. Nimbus's {@code DefaultResourceRetriever} drops error bodies, and
 * Clerk tells a wrong key apart by the body's {@code clerk_key_invalid} code, hence this class.
 */
final class BackendJwksRetriever implements ResourceRetriever {

  /** The Backend API refused the secret key. */
  static final class SecretKeyRefused extends IOException {
    SecretKeyRefused() {
      super("The provided Clerk Secret Key is invalid.");
    }
  }

  private final HttpClient http;
  private final String secretKey;
  private final Duration timeout;

  BackendJwksRetriever(HttpClient http, String secretKey, Duration timeout) {
    this.http = http;
    this.secretKey = secretKey;
    this.timeout = timeout;
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    HttpResponse<String> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(url.toURI()).timeout(timeout).GET()
          .header("Authorization", "Bearer " + secretKey).header("Accept", "application/json").build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading Clerk JWKS from " + url, e);
    } catch (URISyntaxException e) {
      throw new IOException("not a URL: " + url, e);
    }
    if (response.statusCode() / 100 == 2) return new Resource(response.body(), "application/json");
    if (hasErrorCode(response.body(), "clerk_key_invalid")) throw new SecretKeyRefused();
    throw new IOException("Error loading Clerk JWKS from " + url + " with code=" + response.statusCode());
  }

  private static boolean hasErrorCode(String body, String code) {
    try {
      for (JsonNode e : ClerkJson.MAPPER.readTree(body).path("errors")) if (code.equals(e.path("code").asText())) return true;
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
