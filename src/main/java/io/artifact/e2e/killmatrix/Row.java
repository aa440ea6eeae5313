package io.artifact.e2e.killmatrix;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one scenario row did in a run: its name, its tags ({@code @…}), its status and why it failed. */
public record Row(String name, Set<String> tags, Status status, String message) {

  public enum Status { PASSED, FAILED, SKIPPED }

  public boolean matches(Expression e) {
    return e.evaluate(List.copyOf(tags));
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /** The gaps this row guards ({@code G1} for a tag {@code @G1}: stack-contract.md §8). */
  public Set<String> gaps() {
    TreeSet<String> g = new TreeSet<>(KillMatrix.GAP_ORDER);
    tags.stream().filter(t -> t.matches("@G\\d+")).map(t -> t.substring(1)).forEach(g::add);
    return g;
  }

  static Expression expression(String text, String where) {
    try {
      return TagExpressionParser.parse(text);
    } catch (TagExpressionException e) {
      throw new IllegalStateException(where + ": '" + text + "' is not a tag expression (" + e.getMessage() + ")");
    }
  }
}
