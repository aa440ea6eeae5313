package io.artifact.e2e.clerk;

import com.nimbusds.jose.jwk.RSAKey;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.text.ParseException;

/**
 * A Clerk instance's testing surface ({@code clerk_testing}; the embedded stack's local Clerk has
 * one, real instances do not): its private signing key, as a JWK. A credential: the answer is never
 * written to a transcript, and the key is only ever used to sign.
 */
public final class ClerkTestingApi {

  private final String base;
  private final String secretKey;

  public ClerkTestingApi(String base, String secretKey) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.secretKey = secretKey;
  }

  public RSAKey signingKey() {
    String endpoint = "GET " + base + "/signing_key";
    Response r;
    try {
      r = RestAssured.given().header("Authorization", "Bearer " + secretKey).get(base + "/signing_key");
    } catch (Exception e) {
      throw new ClerkApiException(endpoint, String.valueOf(e.getMessage()));
    }
    if (r.statusCode() != 200) throw new ClerkApiException(endpoint, r.statusCode(), null, "the testing surface did not hand out the signing key");
    try {
      return RSAKey.parse(r.asString());
    } catch (ParseException e) {
      throw new ClerkApiException(endpoint, 200, null, "the answer is not an RSA JWK");
    }
  }
}
