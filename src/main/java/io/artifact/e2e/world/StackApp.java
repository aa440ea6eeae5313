package io.artifact.e2e.world;

/** An Artifact app of the slice as a step names it ("the router", "exec"). */
public enum StackApp {
  ROUTER("the router"), EXEC("exec");

  private final String phrase;

  StackApp(String phrase) {
    this.phrase = phrase;
  }

  public static StackApp named(String phrase) {
    for (StackApp a : values()) if (a.phrase.equals(phrase)) return a;
    throw new IllegalArgumentException("no stack app is called '" + phrase + "' (the router, exec)");
  }

  /** The app's name in this slice. */
  public String app(OrgSlice slice) {
    return this == ROUTER ? slice.routerApp() : slice.execApp();
  }

  @Override
  public String toString() {
    return phrase;
  }
}
