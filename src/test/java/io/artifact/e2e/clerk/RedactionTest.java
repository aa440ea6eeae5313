package io.artifact.e2e.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private final Redaction redaction = new Redaction(List.of("my-literal-secret"));

  @Test
  void removesGivenSecretsJwtsClerkKeysAndBearerCredentials() {
    String text = "key=my-literal-secret jwt=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln sk=sk_live_AbC123 "
        + "Authorization: Bearer opaque-token-value";

    String out = redaction.apply(text);

    assertThat(out).doesNotContain("my-literal-secret", "eyJ", "sk_live_AbC123", "opaque-token-value")
        .contains("key=«redacted»", "jwt=«redacted»", "sk=«redacted»", "Bearer «redacted»");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(redaction.apply("POST /v1/sessions user_2abc → 200")).isEqualTo("POST /v1/sessions user_2abc → 200");
  }

  @Test
  void redactsTheJwtInsideJson() {
    assertThat(redaction.apply("{\"object\":\"token\",\"jwt\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln\"}"))
        .isEqualTo("{\"object\":\"token\",\"jwt\":\"«redacted»\"}");
  }
}
