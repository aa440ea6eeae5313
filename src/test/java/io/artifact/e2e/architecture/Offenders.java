package io.artifact.e2e.architecture;

/** Classes that break the layering on purpose, so {@link LayeringTest} can show its rules fail. */
final class Offenders {

  private Offenders() {}

  /** A suite class reading an emulator object directly: the kind of back door the rules forbid. */
  static final class SuiteBackDoor {
    String token(io.artifact.flyemu.EmbeddedStack stack) {
      return stack.flyToken();
    }
  }

  static final class Printer {
    void shout() {
      System.out.println("a suite class printing");
    }
  }
}
