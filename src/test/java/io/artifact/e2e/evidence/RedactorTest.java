package io.artifact.e2e.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor();

  @Test
  void masksKnownSecretValues() {
    redactor.secret("e2e_local_0123456789");
    assertThat(redactor.redact("token=e2e_local_0123456789;")).isEqualTo("token=«redacted»;");
  }

  @Test
  void masksBearerAndFlyV1Credentials() {
    assertThat(redactor.redact("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer «redacted»");
    assertThat(redactor.redact("authorization=FlyV1 fm2_xyz,fm2_abc")).isEqualTo("authorization=FlyV1 «redacted»");
  }

  @Test
  void masksJwtsClerkKeysMacaroonsAndSessionCookies() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl";
    assertThat(redactor.redact("jwt " + jwt)).isEqualTo("jwt «redacted»");
    assertThat(redactor.redact("CLERK_SECRET_KEY=sk_test_abcdefgh123")).isEqualTo("CLERK_SECRET_KEY=«redacted»");
    assertThat(redactor.redact("fm2_lJPECAAAAAAAA")).isEqualTo("«redacted»");
    assertThat(redactor.redact("Cookie: __session=abc; theme=dark")).isEqualTo("Cookie: __session=«redacted»; theme=dark");
  }

  @Test
  void runningLogsAreRedactedAtCaptureAndAttachedOnceEach() {
    redactor.secret("super-secret-token");
    List<Evidence.Attachment> seen = new ArrayList<>();
    Evidence evidence = new Evidence(redactor);
    evidence.sink(seen::add);
    evidence.log("fly-api-calls.txt", "list Machines → 200 with super-secret-token");
    evidence.log("fly-api-calls.txt", "stop → 412");
    assertThat(seen).isEmpty();
    evidence.flushLogs();
    assertThat(seen).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("fly-api-calls.txt");
      assertThat(a.text()).isEqualTo("list Machines → 200 with «redacted»\nstop → 412");
    });
  }

  @Test
  void aShapeIsFoundWhateverTheCaseOfTheWordsItsScanIsSkippedWithout() {
    assertThat(redactor.redact("{\"AUTHORIZATION\": \"BEARER abc.def\"}")).isEqualTo("{\"AUTHORIZATION\": \"BEARER «redacted»\"}");
    assertThat(redactor.redact("Cookie: __SESSION=abc")).isEqualTo("Cookie: __SESSION=«redacted»");
    assertThat(redactor.redact("key pk_live_ABCDEFGH and FM1r_ABCDEFGHIJ")).isEqualTo("key «redacted» and FM1r_ABCDEFGHIJ");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(redactor.redact("machine 3d8d413b started in syd")).isEqualTo("machine 3d8d413b started in syd");
  }

  @Test
  void evidenceIsRedactedBeforeItReachesTheReport() {
    redactor.secret("super-secret-token");
    List<Evidence.Attachment> seen = new ArrayList<>();
    Evidence evidence = new Evidence(redactor);
    evidence.sink(seen::add);
    evidence.text("probe.txt", "sent super-secret-token");
    evidence.json("call.json", java.util.Map.of("token", "super-secret-token"));
    assertThat(seen).extracting(Evidence.Attachment::text).noneMatch(t -> t.contains("super-secret-token"));
    assertThat(evidence.all()).hasSize(2);
  }
}
