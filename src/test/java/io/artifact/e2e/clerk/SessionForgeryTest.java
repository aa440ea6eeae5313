package io.artifact.e2e.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionForgeryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
  private static RSAKey instance;
  private static SessionToken real;
  private final AtomicInteger keyAsked = new AtomicInteger();
  private final SessionForgery forgery = new SessionForgery(() -> {
    keyAsked.incrementAndGet();
    return instance;
  }, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void realSession() throws Exception {
    instance = new RSAKeyGenerator(2048).keyID("ins_test").generate();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ins_test").build(), new JWTClaimsSet.Builder()
        .subject("user_1").claim("sid", "sess_1").issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(60))).build());
    jwt.sign(new RSASSASigner(instance));
    real = new SessionToken(jwt.serialize(), "sess_1", "user_1", NOW, NOW.plusSeconds(60));
  }

  @Test
  void claimFaultsAreSignedByTheInstanceAndMinutesOffBeyondTheSkew() throws Exception {
    JWTClaimsSet expired = verified(BadSession.EXPIRED);
    assertThat(expired.getExpirationTime().toInstant()).isBefore(NOW.minusSeconds(60));
    JWTClaimsSet early = verified(BadSession.NOT_YET_VALID);
    assertThat(early.getNotBeforeTime().toInstant()).isAfter(NOW.plusSeconds(60));
    assertThat(early.getIssueTime().toInstant()).isBeforeOrEqualTo(NOW);
    JWTClaimsSet future = verified(BadSession.ISSUED_IN_THE_FUTURE);
    assertThat(future.getIssueTime().toInstant()).isAfter(NOW.plusSeconds(60));
    assertThat(future.getNotBeforeTime().toInstant()).as("nbf is checked first: it must not be the fault").isBefore(NOW);
    assertThat(verified(BadSession.FOR_ANOTHER_SITE).getStringClaim("azp")).isEqualTo(SessionForgery.ANOTHER_SITE);
    assertThat(expired.getSubject()).isEqualTo("user_1");
    assertThat(keyAsked).hasValue(4);
  }

  @Test
  void keyFaultsNeedNoInstanceKeyAndDoNotVerifyWithIt() throws Exception {
    SignedJWT sameKid = SignedJWT.parse(forgery.forge(BadSession.FORGED_WITH_THE_INSTANCE_KID, real).jwt());
    assertThat(sameKid.getHeader().getKeyID()).isEqualTo("ins_test");
    assertThat(sameKid.verify(new RSASSAVerifier(instance))).isFalse();
    SignedJWT unknown = SignedJWT.parse(forgery.forge(BadSession.SIGNED_BY_AN_UNKNOWN_KEY, real).jwt());
    assertThat(unknown.getHeader().getKeyID()).isNotEqualTo("ins_test");
    assertThatThrownBy(() -> SignedJWT.parse(forgery.forge(BadSession.MALFORMED, real).jwt())).isInstanceOf(ParseException.class);
    assertThat(keyAsked).hasValue(0);
    assertThat(Arrays.stream(BadSession.values()).filter(BadSession::needsInstanceKey))
        .containsExactly(BadSession.EXPIRED, BadSession.NOT_YET_VALID, BadSession.ISSUED_IN_THE_FUTURE, BadSession.FOR_ANOTHER_SITE);
  }

  @Test
  void theParameterPatternNamesEveryKindOnce() {
    assertThat(BadSession.PATTERN.split("\\|")).containsExactly(Arrays.stream(BadSession.values()).map(BadSession::words).toArray(String[]::new));
  }

  private JWTClaimsSet verified(BadSession kind) throws Exception {
    SignedJWT jwt = SignedJWT.parse(forgery.forge(kind, real).jwt());
    assertThat(jwt.verify(new RSASSAVerifier(instance))).as(kind + " signed by the instance").isTrue();
    return jwt.getJWTClaimsSet();
  }
}
