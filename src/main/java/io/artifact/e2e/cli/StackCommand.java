package io.artifact.e2e.cli;

import picocli.CommandLine.Command;

/** {@code stack …}: the embedded stack by hand. */
@Command(name = "stack", description = "Run the embedded stack by hand.", mixinStandardHelpOptions = true,
    subcommands = {StackUpCommand.class})
public final class StackCommand {}
