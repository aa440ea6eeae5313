package io.artifact.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The parameter types read what the features write, and nothing else. */
class ParameterTypesTest {

  private final ParameterTypes types = new ParameterTypes();

  @Test
  void callersNameAUserOrNobodyAndAKindOfClient() {
    assertThat(types.caller("a signed-out browser")).isEqualTo(new Visitor(Optional.empty(), true));
    assertThat(types.caller("a signed-out API client")).isEqualTo(new Visitor(Optional.empty(), false));
    assertThat(types.caller("alice's signed-in browser")).isEqualTo(new Visitor(Optional.of("alice"), true));
    assertThat(types.caller("bob's signed-in API client")).isEqualTo(new Visitor(Optional.of("bob"), false));
    assertThat(Pattern.matches(Visitor.PATTERN, "a signed-in browser")).isFalse();
    assertThatThrownBy(() -> types.caller("a signed-out browser").name()).hasMessageContaining("no computer");
  }

  @Test
  void everyRouterAnswerPhraseIsInThePatternAndReadsBack() {
    for (String phrase : RouterAnswer.PATTERN.split("\\|")) {
      assertThat(Pattern.matches(RouterAnswer.PATTERN, phrase)).as(phrase).isTrue();
      assertThat(types.routerAnswer(phrase)).as(phrase).isNotNull();
    }
    assertThat(RouterAnswer.PATTERN.split("\\|")).extracting(RouterAnswer::of).containsAll(Arrays.asList(RouterAnswer.values()));
    assertThatThrownBy(() -> RouterAnswer.of("is let in")).hasMessageContaining("is let in");
  }

  @Test
  void agentListsAndCounts() {
    assertThat(types.agents("\"brave-otter\"")).containsExactly("brave-otter");
    assertThat(types.agents("\"a\", \"b\" and \"c\"")).containsExactly("a", "b", "c");
    assertThat(types.count("once")).isEqualTo(1);
    assertThat(types.count("twice")).isEqualTo(2);
    assertThat(types.count("3 times")).isEqualTo(3);
  }
}
