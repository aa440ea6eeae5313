package io.artifact.e2e.steps;

import io.artifact.e2e.release.ManifestProblem;
import io.artifact.e2e.world.StackApp;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;

/**
 * Every parameter type of the step vocabulary, in one place: who calls (callers), which app,
 * which agents, how many, and the answers and states a step may name. Step texts stay fixed and
 * Examples vary these.
 */
public final class ParameterTypes {

  /** "a signed-out browser", "a signed-out API client", "alice's signed-in browser", "bob's signed-in API client". */
  @ParameterType(Visitor.PATTERN)
  public Visitor caller(String words) {
    return Visitor.parse(words);
  }

  /** What the router's final answer means: sent to sign in, refused, landed, told exec is away, told no such computer. */
  @ParameterType(RouterAnswer.PATTERN)
  public RouterAnswer routerAnswer(String words) {
    return RouterAnswer.of(words);
  }

  @ParameterType("the router|exec")
  public StackApp stackApp(String phrase) {
    return StackApp.named(phrase);
  }

  /** Agents by name: {@code "brave-otter"}, {@code "brave-otter" and "quiet-lynx"}, {@code "a", "b" and "c"}. */
  @ParameterType("\"[^\"]+\"(?:(?:, | and )\"[^\"]+\")*")
  public List<String> agents(String words) {
    return Arrays.stream(words.split("\"(?:, | and )\"")).map(s -> s.replace("\"", "")).toList();
  }

  /** How often: "once", "twice", "3 times". */
  @ParameterType("once|twice|\\d+ times")
  public int count(String words) {
    return switch (words) {
      case "once" -> 1;
      case "twice" -> 2;
      default -> Integer.parseInt(words.substring(0, words.indexOf(' ')));
    };
  }

  @ParameterType("removed|truncated|corrupted")
  public String drift(String word) {
    return word;
  }

  @ParameterType("got through without a retry|got through after a retry|was retried, then given up")
  public String kick(String words) {
    return words;
  }

  @ParameterType("nothing to change|a server error")
  public String execAnswer(String words) {
    return words;
  }

  @ParameterType(ManifestProblem.PATTERN)
  public ManifestProblem manifestProblem(String words) {
    return ManifestProblem.of(words);
  }
}
