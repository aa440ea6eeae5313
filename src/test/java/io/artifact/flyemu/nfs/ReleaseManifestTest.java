package io.artifact.flyemu.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseManifestTest {

  static ReleaseManifest.Verdict judge(String text) {
    return ReleaseManifest.judge(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRecordAsReleaseWritesItIsAcceptedAndUnknownKeysAreIgnored() {
    ReleaseManifest.Verdict v = judge("{\n  \"image\": \"registry.fly.io/host-coder:latest\",\n  \"cpu_kind\": \"shared\",\n"
        + "  \"cpus\": 1,\n  \"memory_mb\": 256,\n  \"note\": \"x\"\n}");
    assertThat(v.ok()).isTrue();
    assertThat(v.record()).isEqualTo(ImageRecord.hostCoder());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{                                                                              | parse error",
      "[1]                                                                            | parse error",
      "''                                                                             | parse error",
      "{\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":256}                         | image",
      "{\"image\":7,\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":256}             | image",
      "{\"image\":\"a:b\",\"cpu_kind\":\"spot\",\"cpus\":1,\"memory_mb\":256}         | cpu_kind",
      "{\"image\":\"a:b\",\"cpu_kind\":\"shared\",\"cpus\":0,\"memory_mb\":256}       | cpus",
      "{\"image\":\"a:b\",\"cpu_kind\":\"shared\",\"cpus\":\"1\",\"memory_mb\":256}   | cpus",
      "{\"image\":\"a:b\",\"cpu_kind\":\"shared\",\"cpus\":1}                         | memory_mb",
      "{\"image\":\"a:b\",\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":300}       | memory_mb",
      "{\"image\":\"a:b\",\"cpu_kind\":\"shared\",\"cpus\":1,\"memory_mb\":0}         | memory_mb",
  })
  void eachProblemNamesItsField(String text, String field) {
    ReleaseManifest.Verdict v = judge(text);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).extracting(ReleaseManifest.Problem::field).containsExactly(field);
  }

  @Test
  void everyFieldInTroubleIsNamed() {
    assertThat(judge("{\"image\":\"a:b\"}").problems()).extracting(ReleaseManifest.Problem::toString)
        .containsExactly("cpu_kind: required", "cpus: required", "memory_mb: required");
  }
}
