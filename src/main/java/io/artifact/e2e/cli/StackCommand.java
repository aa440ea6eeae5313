package io.artifact.e2e.cli;

import picocli.CommandLine.Command;

/** {@code stack …}: the embedded stack by hand ({@code up}), and an app image run outside it ({@code app}). */
@Command(name = "stack", description = "Run the embedded stack by hand.", mixinStandardHelpOptions = true,
    subcommands = {StackUpCommand.class, StackAppCommand.class})
public final class StackCommand {}
