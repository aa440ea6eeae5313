package io.artifact.e2e.clerk;

/** A Clerk user created for the suite: {@code id} is Clerk's ({@code user_…}), {@code name} the suite's ({@code external_id}). */
public record TestUser(String id, String name) {}
