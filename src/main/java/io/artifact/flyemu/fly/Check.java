package io.artifact.flyemu.fly;

/** A Fly health check as a Machine reports it: status is passing, warning or critical. */
public record Check(String name, String status, String output) {

  public static Check passing(String name, String output) {
    return new Check(name, "passing", output);
  }

  public static Check critical(String name, String output) {
    return new Check(name, "critical", output);
  }
}
