package io.artifact.flyemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

  private final Routes routes = new Routes()
      .on("GET", "/v1/apps/{app}", (r, p) -> HttpResponse.text(200, "app " + p.get("app")))
      .on("DELETE", "/v1/apps/{app}/certificates/{hostname}", (r, p) -> HttpResponse.text(200, "cert " + p.get("hostname")))
      .on("GET", "/files/{rest*}", (r, p) -> HttpResponse.text(200, "rest " + p.get("rest")));

  private HttpResponse dispatch(String method, String target) throws Exception {
    return routes.dispatch(HttpRequest.of(method, "localhost", target), r -> HttpResponse.text(404, "fallback"));
  }

  @Test
  void aTemplateSegmentBindsItsPathParameter() throws Exception {
    assertThat(dispatch("GET", "/v1/apps/org1-router").bodyText()).isEqualTo("app org1-router");
    assertThat(dispatch("GET", "/v1/apps/org1-router/").bodyText()).as("trailing slash").isEqualTo("app org1-router");
  }

  @Test
  void pathParametersArePercentDecodedWithPlusKeptLiteral() throws Exception {
    assertThat(dispatch("DELETE", "/v1/apps/a/certificates/%2A.example.test").bodyText()).isEqualTo("cert *.example.test");
    assertThat(dispatch("DELETE", "/v1/apps/a/certificates/a+b").bodyText()).isEqualTo("cert a+b");
  }

  @Test
  void aMalformedEscapeMatchesNoRoute() throws Exception {
    assertThat(dispatch("DELETE", "/v1/apps/a/certificates/%zz").bodyText()).isEqualTo("fallback");
  }

  @Test
  void aRestParameterTakesTheRemainderUndecoded() throws Exception {
    assertThat(dispatch("GET", "/files/a/b%2Fc/d").bodyText()).isEqualTo("rest a/b%2Fc/d");
  }

  @Test
  void aKnownPathWithAnotherMethodIsNotAllowed() throws Exception {
    assertThat(dispatch("POST", "/v1/apps/org1-router").status()).isEqualTo(405);
  }

  @Test
  void anUnknownPathGoesToTheFallback() throws Exception {
    assertThat(dispatch("GET", "/v1/apps/a/b/c/d").bodyText()).isEqualTo("fallback");
    assertThat(dispatch("GET", "/v1").bodyText()).isEqualTo("fallback");
  }
}
