package io.artifact.flyemu.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCatalogTest {

  static final ImageRecord V1 = ImageRecord.hostCoder();
  static final ImageRecord V2 = new ImageRecord("registry.fly.io/host-coder:deployment-v2", "shared", 1, 512);

  @TempDir Path root;
  final List<String> rejections = new ArrayList<>();

  ReleaseCatalog catalog() {
    return new ReleaseCatalog(NfsRoot.at(root), (file, problems, keeping) ->
        rejections.add(file + " " + problems + " keeping " + keeping.map(ImageRecord::image).orElse("nothing")));
  }

  void publish(ImageRecord r) {
    new ImageRecords(NfsRoot.at(root)).publish("host-coder", r);
  }

  void publishText(String text) throws Exception {
    Files.createDirectories(root.resolve("images"));
    Files.writeString(root.resolve("images/host-coder.json"), text);
  }

  @Test
  void theNewestValidReleaseIsCurrent() {
    ReleaseCatalog c = catalog();
    assertThat(c.newest("host-coder")).isEmpty();
    publish(V1);
    assertThat(c.newest("host-coder")).contains(V1);
    publish(V2);
    assertThat(c.newest("host-coder")).contains(V2);
    publish(V1); // a rollback is the newest release again
    assertThat(c.newest("host-coder")).contains(V1);
    assertThat(rejections).isEmpty();
  }

  @Test
  void aMalformedManifestIsRejectedOnceNamingFileAndFieldAndTheReleaseBeforeStays() throws Exception {
    ReleaseCatalog c = catalog();
    publish(V1);
    c.newest("host-coder");
    publishText("{\"image\": \"registry.fly.io/host-coder:deployment-v2\", \"cpu_kind\": \"shared\", \"cpus\": 1}");
    assertThat(c.newest("host-coder")).contains(V1);
    assertThat(c.newest("host-coder")).contains(V1);
    assertThat(rejections).containsExactly("computers/images/host-coder.json [memory_mb: required] keeping " + V1.image());

    publishText("{\"image\": \"registry.fly.io/host-coder:deployment-v2\", \"cpu_kind\": \"shared\", ");
    assertThat(c.newest("host-coder")).contains(V1);
    assertThat(rejections.get(1)).startsWith("computers/images/host-coder.json [parse error: Unexpected end-of-input")
        .contains("at line 1, column").endsWith("keeping " + V1.image());
  }

  @Test
  void aReaderThatNeverSawAValidReleaseHasNone() throws Exception {
    publishText("not json");
    assertThat(catalog().newest("host-coder")).isEmpty();
    assertThat(rejections).singleElement().asString().contains("[parse error: ").endsWith("keeping nothing");
    assertThatThrownBy(() -> new ImageRecords(NfsRoot.at(root)).current("host-coder"))
        .isInstanceOf(LayoutException.class).hasMessageContaining("no earlier release of host-coder is known");
  }

  @Test
  void aReleaseWhoseImageCannotBePulledIsDroppedForTheOneBefore() {
    ReleaseCatalog c = catalog();
    publish(V1);
    c.newest("host-coder");
    publish(V2);
    assertThat(c.newest("host-coder")).contains(V2);
    assertThat(c.rejectImage("host-coder", V2, "MANIFEST_UNKNOWN")).isTrue();
    assertThat(c.newest("host-coder")).contains(V1); // the file still holds V2: unchanged content is not judged again
    assertThat(rejections).containsExactly("computers/images/host-coder.json [image: MANIFEST_UNKNOWN] keeping " + V1.image());
    assertThat(c.rejectImage("host-coder", V1, "gone too")).isFalse();
    assertThat(c.newest("host-coder")).isEmpty();
  }

  @Test
  void theRoutersViewKeepsRoutingWithTheReleaseBeforeAMalformedOne() throws Exception {
    ImageRecords images = new ImageRecords(NfsRoot.at(root));
    publish(V1);
    assertThat(images.current("host-coder")).isEqualTo(V1);
    publishText("{");
    assertThat(images.current("host-coder")).isEqualTo(V1);
  }
}
