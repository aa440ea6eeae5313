package io.artifact.e2e.flyctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.evidence.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyctl's process handling against a fake {@code fly}: exit mapping, timeouts, PATH, token hygiene. */
class FlyctlTest {

  @TempDir Path dir;
  final List<String> transcript = new CopyOnWriteArrayList<>();

  Flyctl fly(FakeFly fake, String mode) {
    return new Flyctl(fake.env(mode), new Redactor(), transcript::add);
  }

  @Test
  void aCallReturnsStdoutAndIsRecordedWithItsExit() throws Exception {
    FakeFly fake = new FakeFly(dir);
    Flyctl.Result r = fly(fake, "ok").run(Duration.ofSeconds(10), "ssh", "console", "-a", "org1-nfs", "-q", "-C", "echo hello");

    assertThat(r.stdout()).isEqualTo("hello\n");
    assertThat(fake.calls()).containsExactly(List.of("ssh", "console", "-a", "org1-nfs", "-q", "-C", "echo hello"));
    assertThat(transcript).singleElement().asString()
        .matches("fly ssh console -a org1-nfs -q -C \"echo hello\" → exit 0 in \\d+ ms");
  }

  @Test
  void aNonZeroExitNamesTheCommandAndTheFirstStderrLine() throws Exception {
    FakeFly fake = new FakeFly(dir);
    assertThatThrownBy(() -> fly(fake, "fail").run(Duration.ofSeconds(10), "ssh", "console", "-a", "org1-nfs", "-C", "ls /data/computers"))
        .isInstanceOfSatisfying(FlyctlException.class, e -> {
          assertThat(e.exitCode()).hasValue(1);
          assertThat(e.stderr()).contains("Request ID");
        })
        .hasMessage("fly ssh console -a org1-nfs -C \"ls /data/computers\" exited 1: "
            + "Error: app not found (Request ID: 01JDF2Q7ZK-syd) (Trace ID: 4bf92f3577b34da6)");
    assertThat(transcript).singleElement().asString().contains("→ exit 1 in ");
  }

  @Test
  void aHangIsStoppedWithinTheBoundAndLeavesNoProcess() throws Exception {
    FakeFly fake = new FakeFly(dir);
    Duration bound = Duration.ofMillis(1500);
    Instant began = Instant.now();

    assertThatThrownBy(() -> fly(fake, "hang").run(bound, "ssh", "console", "-a", "org1-nfs", "-C", "ls"))
        .isInstanceOf(FlyctlException.class)
        .hasMessage("fly ssh console -a org1-nfs -C ls did not finish within 1500ms");

    assertThat(Duration.between(began, Instant.now())).isLessThan(bound.plusSeconds(3));
    assertThat(fake.pids()).hasSize(2); // the fake and the sleep it started
    assertThat(fake.leftovers()).isEmpty();
    assertThat(transcript).singleElement().asString().contains("did not finish within 1500ms, stopped");
  }

  @Test
  void flyMissingOnPathIsOneLine() {
    Map<String, String> env = Map.of("PATH", dir.toString(), "FLY_API_TOKEN", FakeFly.TOKEN);
    assertThatThrownBy(() -> new Flyctl(env, new Redactor(), transcript::add).run(Duration.ofSeconds(5), "version"))
        .isInstanceOf(FlyctlException.class)
        .hasMessage("fly (flyctl) is not on PATH; install it or use a profile whose target is not fly");
  }

  @Test
  void theTokenTravelsInTheEnvironmentAndNeverShowsInMessagesOrTranscript() throws Exception {
    FakeFly fake = new FakeFly(dir);
    assertThatThrownBy(() -> fly(fake, "leak").run(Duration.ofSeconds(10), "machine", "list", "-a", "org1-fly-exec", "--json"))
        .isInstanceOfSatisfying(FlyctlException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(FakeFly.TOKEN).contains("token " + Redactor.MASK + " has no access");
          assertThat(e.stderr()).doesNotContain(FakeFly.TOKEN);
        });
    assertThat(fake.tokenSeen()).isEqualTo(FakeFly.TOKEN);
    assertThat(fake.calls()).singleElement().asList().doesNotContain(FakeFly.TOKEN);
    assertThat(transcript).isNotEmpty().noneMatch(l -> l.contains(FakeFly.TOKEN));

    assertThatThrownBy(() -> fly(fake, "ok").run(Duration.ofSeconds(5), "status", "-t", FakeFly.TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a flyctl token travels in FLY_API_TOKEN, never on the command line");
  }
}
