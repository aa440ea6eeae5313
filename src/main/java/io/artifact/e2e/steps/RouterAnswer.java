package io.artifact.e2e.steps;

/** What the router's final answer to a visit means, as a step says it ("the caller is refused as unauthenticated"). */
public enum RouterAnswer {
  SIGN_IN("is sent to the Clerk sign-in page, with a way back to the base domain"),
  UNAUTHENTICATED("is refused as unauthenticated"),
  LANDS("lands on their agent's page, served by a worker Machine of their computer", "lands on their agent"),
  EXEC_UNAVAILABLE("is told exec is unavailable"),
  NO_COMPUTER("is told the computer does not exist");

  private final String[] phrases;

  RouterAnswer(String... phrases) {
    this.phrases = phrases;
  }

  /** Every phrase above, for the parameter type (an annotation needs a constant; RouterAnswerTest keeps them in step). */
  static final String PATTERN = "is sent to the Clerk sign-in page, with a way back to the base domain|is refused as unauthenticated"
      + "|lands on their agent's page, served by a worker Machine of their computer|lands on their agent"
      + "|is told exec is unavailable|is told the computer does not exist";

  static RouterAnswer of(String words) {
    for (RouterAnswer a : values()) for (String p : a.phrases) if (p.equals(words)) return a;
    throw new IllegalArgumentException("no router answer reads '" + words + "'");
  }
}
