package io.artifact.e2e.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario manifest's JSON Schema ({@code schema/scenario-manifest.schema.json}, draft 2020-12),
 * checked with networknt's validator, plus the one rule a schema cannot say: every app belongs to
 * the manifest's slice. Each problem names its JSON path ({@code $.apps[1]: …}).
 */
public final class ManifestSchema {

  public static final String RESOURCE = "schema/scenario-manifest.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = load();

  private ManifestSchema() {}

  /** Problems with {@code text} as a scenario manifest, each {@code <json path>: <what is wrong>}; empty when valid. */
  public static List<String> problems(String text) {
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      return List.of("$: not JSON (" + e.getOriginalMessage() + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
    }
    if (tree == null || tree.isMissingNode()) return List.of("$: empty file, expected a JSON object");
    List<String> out = new ArrayList<>();
    SCHEMA.validate(text, InputFormat.JSON).forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
    String prefix = tree.path("org_prefix").asText("");
    JsonNode apps = tree.path("apps");
    for (int i = 0; i < apps.size() && !prefix.isEmpty(); i++) {
      if (!apps.get(i).asText().startsWith(prefix + "-")) {
        out.add("$.apps[" + i + "]: " + apps.get(i).asText() + " is not an app of the slice " + prefix + " (org_prefix)");
      }
    }
    return out;
  }

  private static Schema load() {
    try (InputStream in = ManifestSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).formatAssertionsEnabled(true).build();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config)).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
