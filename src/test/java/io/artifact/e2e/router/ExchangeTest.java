package io.artifact.e2e.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeTest {

  @Test
  void hostsWithUnderscoresAndPortsAreTakenApartAsText() {
    assertThat(Exchange.hostOf("http://user_2ab.x.test:8080/a?b=1")).isEqualTo("user_2ab.x.test");
    assertThat(Exchange.pathOf("http://user_2ab.x.test:8080/a?b=1")).isEqualTo("/a?b=1");
    assertThat(Exchange.pathOf("http://x.test")).isEqualTo("/");
  }

  @Test
  void onlyAThreeHundredWithALocationIsARedirect() {
    assertThat(new Exchange("GET", "u", 307, Optional.of("http://x/"), "", "").redirect()).isTrue();
    assertThat(new Exchange("GET", "u", 307, Optional.empty(), "", "").redirect()).isFalse();
    assertThat(new Exchange("GET", "u", 202, Optional.of("http://x/"), "", "").redirect()).isFalse();
  }

  @Test
  void browsersSendClerkCookiesAndApiClientsSendBearerTokens() {
    assertThat(Caller.signedOutBrowser().headers()).containsEntry("Sec-Fetch-Dest", "document").doesNotContainKey("Cookie");
    assertThat(Caller.signedOutApiClient().headers()).containsEntry("Accept", "application/json").doesNotContainKey("Authorization");
  }
}
