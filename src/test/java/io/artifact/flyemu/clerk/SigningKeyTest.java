package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

  @TempDir
  Path dir;

  @Test
  void aKeptPairIsGeneratedOnceWrittenOwnerOnlyAndReadBackByTheNextCaller() throws Exception {
    SigningKey first = SigningKey.kept("ins_t", dir.toString());
    Path file = dir.resolve("ins_t.jwk");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    SigningKey again = SigningKey.kept("ins_t", dir.toString());
    assertThat(again.publicJwks()).isEqualTo(first.publicJwks());
    String token = first.sign(SessionTokens.claims("https://clerk.test", "https://app.test", "user_1", "sess_1",
        java.time.Instant.now(), java.time.Duration.ofMinutes(1)));
    assertThat(again.verifiedClaims(token)).as("the pair read back verifies what the first signed").isPresent();
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void aTornFileIsReplacedByAWholeOne() throws Exception {
    Files.writeString(dir.resolve("ins_t.jwk"), "{\"kty\":");
    SigningKey replaced = SigningKey.kept("ins_t", dir.toString());
    assertThat(Files.readString(dir.resolve("ins_t.jwk"))).startsWith("{").contains("\"d\"");
    assertThat(SigningKey.kept("ins_t", dir.toString()).publicJwks()).isEqualTo(replaced.publicJwks());
  }
}
