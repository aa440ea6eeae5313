package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept pairs: generated once, read back by the next JVM, replaced when torn. (Generation is the JVM's shared pair: no test pays for a new one.) */
class SigningKeyTest {

  @TempDir
  Path dir;

  private final AtomicInteger generated = new AtomicInteger();
  private final Supplier<SigningKey> generate = () -> {
    generated.incrementAndGet();
    return SigningKey.instanceKey("ins_t");
  };

  @Test
  void aKeptPairIsGeneratedOnceWrittenOwnerOnlyAndReadBackByTheNextCaller() throws Exception {
    SigningKey first = SigningKey.kept("ins_t", dir.toString(), generate);
    Path file = dir.resolve("ins_t.jwk");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    SigningKey again = SigningKey.kept("ins_t", dir.toString(), generate);
    assertThat(generated).as("generated only for the first caller").hasValue(1);
    String token = first.sign(SessionTokens.claims("https://clerk.test", "https://app.test", "user_1", "sess_1", Instant.now(), Duration.ofMinutes(1)));
    assertThat(again.verifiedClaims(token)).as("the pair read back verifies what the first signed").isPresent();
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void aTornFileIsReplacedByAWholeOneAndNoDirectoryKeepsNothing() throws Exception {
    Files.writeString(dir.resolve("ins_t.jwk"), "{\"kty\":");
    SigningKey.kept("ins_t", dir.toString(), generate);
    assertThat(generated).hasValue(1);
    assertThat(Files.readString(dir.resolve("ins_t.jwk"))).startsWith("{").contains("\"d\"");
    SigningKey.kept("ins_t", "", generate);
    SigningKey.kept("ins_t", "", generate);
    assertThat(generated).as("without a directory every caller generates").hasValue(3);
  }
}
