package io.artifact.e2e.contract;

/**
 * Something the suite matches in what a stack shows (a log phrase, a status, a body, a label),
 * named once with where the expectation comes from. {@code key} is how a profile overrides it
 * ({@code contract.<key>=…}) for a target whose apps word it differently.
 */
public record Observable(String key, String value, String source) {

  @Override
  public String toString() {
    return key + " = '" + value + "' (" + source + ")";
  }
}
