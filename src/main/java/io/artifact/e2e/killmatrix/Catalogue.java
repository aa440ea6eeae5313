package io.artifact.e2e.killmatrix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The defect catalogue ({@code src/main/resources/defects/catalogue.json}): every defective
 * variant of the stack with a one-line description and the rows expected to catch it (a Cucumber
 * tag expression), a default control row, and the {@code impl} variant with the gaps it
 * reproduces. Adding a variant is one line in that file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Catalogue(String control, List<Entry> variants, Impl impl) {

  public static final String RESOURCE = "defects/catalogue.json";
  static final String REGISTRY = "registry.fly.io/";
  /** Image name → the profile key that picks its image. */
  private static final Map<String, String> IMAGE_KEYS = Map.of(
      "fly-router", "image.router", "fly-exec", "image.exec", "fly-nfs", "image.nfs", "host-coder", "image.agent");

  /**
   * One defective variant: {@code image:tag} or a stack-wide setting {@code stack.key=value}; the rows it runs
   * against ({@code caught_by}) and, when not all of them must fail, words naming those that must ({@code rows}).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(String variant, @JsonProperty("caught_by") String caughtBy, List<String> rows, String description, String control) {

    /** Whether {@code r} is one of the rows this variant must fail: all of caught_by's, or those {@code rows} names. */
    public boolean mustFail(Row r) {
      return rows == null || rows.stream().anyMatch(w -> r.name().contains(w));
    }

    /** The profile overrides that run this variant. */
    public Map<String, String> overrides() {
      return Catalogue.overrides(variant);
    }
  }

  /** Today's real implementation: its images and the §8 gaps it reproduces. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Impl(String description, List<String> images, List<String> reproduces) {

    public Map<String, String> overrides() {
      Map<String, String> all = new LinkedHashMap<>();
      images.forEach(i -> all.putAll(Catalogue.overrides(i)));
      return all;
    }
  }

  public static Catalogue load() {
    try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath");
      return new ObjectMapper().readValue(in, Catalogue.class).validated();
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
    }
  }

  public Optional<Entry> entry(String variant) {
    return variants.stream().filter(e -> e.variant().equals(variant)).findFirst();
  }

  /** The control rows of {@code e}: its own, else the catalogue's. */
  public String controlOf(Entry e) {
    return e.control() != null ? e.control() : control;
  }

  private Catalogue validated() {
    for (Entry e : variants) {
      if (e.variant() == null || e.caughtBy() == null || e.description() == null) {
        throw new IllegalStateException(RESOURCE + ": entry " + e + " needs variant, caught_by and description");
      }
      if (e.rows() != null && (e.rows().isEmpty() || e.rows().stream().anyMatch(w -> w == null || w.isBlank()))) {
        throw new IllegalStateException(RESOURCE + ": " + e.variant() + " rows must name at least one row, with words");
      }
      e.overrides();
      Row.expression(e.caughtBy(), RESOURCE + " " + e.variant() + " caught_by");
      Row.expression(controlOf(e), RESOURCE + " " + e.variant() + " control");
    }
    if (variants.stream().map(Entry::variant).distinct().count() != variants.size()) {
      throw new IllegalStateException(RESOURCE + ": a variant is listed twice");
    }
    return this;
  }

  static Map<String, String> overrides(String variant) {
    int eq = variant.indexOf('=');
    if (eq > 0) return Map.of(variant.substring(0, eq), variant.substring(eq + 1));
    int colon = variant.indexOf(':');
    String key = colon < 0 ? null : IMAGE_KEYS.get(variant.substring(0, colon));
    if (key == null) {
      throw new IllegalStateException(RESOURCE + ": variant '" + variant + "' is neither <image>:<tag> of " + IMAGE_KEYS.keySet()
          + " nor stack.<key>=<value>");
    }
    return Map.of(key, REGISTRY + variant);
  }
}
