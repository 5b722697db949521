package dev.jetemu.app.settings;

import dev.jetemu.broker.access.AllowRule;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the command line says, which wins over the configuration file. {@code allow}, when
 * present, replaces the configured allow-clients list rather than adding to it.
 */
public record CommandLineOverrides(
        OptionalInt port,
        Optional<List<AllowRule>> allow,
        Optional<String> hostname,
        OptionalInt httpPort) {

    public static CommandLineOverrides none() {
        return new CommandLineOverrides(OptionalInt.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    }
}
