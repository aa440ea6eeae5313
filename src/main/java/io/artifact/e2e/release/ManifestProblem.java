package io.artifact.e2e.release;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.contract.Observable;
import io.artifact.e2e.contract.ReleaseContract;
import io.artifact.e2e.nfs.NfsLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ways a release manifest can be malformed (AGENT-030 unhappy rows), in the words the feature
 * uses, each with the manifest text a broken release step would leave and what exec's rejection
 * must name. Each manifest carries an image, so "nothing was created from it" can be checked.
 */
public enum ManifestProblem {

  /** Cut off in the middle: not JSON at all. */
  BAD_JSON("bad JSON", ReleaseContract.PARSE_ERROR) {
    @Override
    String manifest(Map<String, Object> record, Contract contract) {
      String whole = NfsLayout.renderImageRecord(record);
      return whole.substring(0, whole.lastIndexOf(',') + 1);
    }
  },
  /** A valid record but for its memory size. */
  NO_MEMORY_SIZE("no memory size", ReleaseContract.FIELD_MEMORY) {
    @Override
    String manifest(Map<String, Object> record, Contract contract) {
      Map<String, Object> r = new LinkedHashMap<>(record);
      r.remove(contract.value(ReleaseContract.FIELD_MEMORY));
      return NfsLayout.renderImageRecord(r);
    }
  },
  /** A well-formed record whose image the registry does not have (its tag was never pushed). */
  UNKNOWN_IMAGE("an image the registry does not have", ReleaseContract.FIELD_IMAGE) {
    @Override
    String manifest(Map<String, Object> record, Contract contract) {
      return NfsLayout.renderImageRecord(record);
    }

    @Override
    String image(String pullable, String runId) {
      return pullable.replaceFirst(":[^:/]*$", "") + ":e2e-never-pushed-" + runId;
    }
  };

  /** The alternatives a step's parameter matches. */
  public static final String PATTERN = "bad JSON|no memory size|an image the registry does not have";

  private final String words;
  private final Observable named;

  ManifestProblem(String words, Observable named) {
    this.words = words;
    this.named = named;
  }

  public static ManifestProblem of(String words) {
    for (ManifestProblem p : values()) if (p.words.equals(words)) return p;
    throw new IllegalArgumentException("no manifest problem '" + words + "'; known: " + PATTERN);
  }

  /** The manifest text, from a valid record whose image is {@link #image}. */
  abstract String manifest(Map<String, Object> record, Contract contract);

  /** The image the broken release names: by default the pullable image of the release it should have been. */
  String image(String pullable, String runId) {
    return pullable;
  }

  /** What exec's rejection must name: the field in trouble, or the parse error. */
  public Observable named() {
    return named;
  }

  @Override
  public String toString() {
    return words;
  }
}
