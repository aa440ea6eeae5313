package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishableKeyTest {

  @Test
  void decodesTheFrontendApiHostOfTheRepositorysTestKey() {
    PublishableKey key = PublishableKey.parse("pk_test_dGFtZS1saW9uLTEuY2xlcmsuYWNjb3VudHMuZGV2JA==").orElseThrow();

    assertThat(key.frontendApiHost()).isEqualTo("tame-lion-1.clerk.accounts.dev");
    assertThat(key.development()).isTrue();
  }

  @Test
  void encodesADevelopmentKeyThatParsesBack() {
    PublishableKey key = PublishableKey.development("127.0.0.1:4711");

    assertThat(key.value()).startsWith("pk_test_");
    assertThat(PublishableKey.parse(key.value())).contains(key);
  }

  @Test
  void liveKeysAreProductionInstances() {
    String live = PublishableKey.development("clerk.example.com").value().replace("pk_test_", "pk_live_");

    assertThat(PublishableKey.parse(live).orElseThrow().development()).isFalse();
  }

  @Test
  void rejectsKeysWithoutPrefixOrDollarOrBase64() {
    assertThat(PublishableKey.parse(null)).isEmpty();
    assertThat(PublishableKey.parse("")).isEmpty();
    assertThat(PublishableKey.parse("sk_test_abc")).isEmpty();
    assertThat(PublishableKey.parse("pk_test_" + java.util.Base64.getEncoder().encodeToString("host".getBytes()))).isEmpty();
    assertThat(PublishableKey.parse("pk_test_%%%")).isEmpty();
  }

  @Test
  void cookieSuffixIsEightUrlSafeCharacters() {
    String suffix = PublishableKey.development("127.0.0.1:4711").cookieSuffix();

    assertThat(suffix).hasSize(8).matches("[A-Za-z0-9_-]{8}");
  }
}
