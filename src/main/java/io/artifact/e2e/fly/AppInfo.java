package io.artifact.e2e.fly;

/** A Fly app as the Machines API describes it. */
public record AppInfo(String name, String status, String org) {}
