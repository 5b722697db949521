package dev.jetemu.app.cli;

import dev.jetemu.app.config.CommandLineValues;
import dev.jetemu.app.config.ConfigLoader;
import dev.jetemu.app.config.EmulatorConfig;
import dev.jetemu.app.settings.AllowSource;
import dev.jetemu.app.settings.CommandLineOverrides;
import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.app.settings.SettingsResolver;
import dev.jetemu.broker.access.AllowRule;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/** The options of every command that starts the notification broker: {@code serve}, and {@code run} later. */
public final class BrokerOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration: YAML keyed like the Junos hierarchy, or Junos 'set' lines.")
    private Path config;

    @Option(names = "--port", paramLabel = "N",
            description = "MQTT port (default 1883 unless configured; 0 picks a free port).")
    private String port;

    @Option(names = "--allow", paramLabel = "ADDR", split = EnvironmentDefaults.LIST_SEPARATOR,
            description = "A client address, prefix or host name that may connect. Repeatable; "
                    + "replaces the configured allow-clients.")
    private List<String> allow;

    @Option(names = "--hostname", paramLabel = "NAME",
            description = "The device's host name, carried by every event (default: jetemu).")
    private String hostname;

    @Option(names = "--http-port", paramLabel = "N",
            description = "Port of the HTTP control API and live page (default 8080; 0 picks a free port; "
                    + "off for none).")
    private String httpPort;

    /**
     * Loads the configuration file, applies the options over it, and prints the file's notes.
     *
     * @throws dev.jetemu.diagnostics.UserInputException for mistakes in the file
     * @throws CommandLine.ParameterException for a wrong option value
     */
    EmulatorSettings resolve(CommandLine commandLine) {
        EmulatorConfig loaded = config == null ? EmulatorConfig.none() : ConfigLoader.load(config);
        loaded.notes().forEach(commandLine.getErr()::println);
        CommandLineOverrides overrides = new CommandLineOverrides(
                number(commandLine, "--port", port, CommandLineValues::port),
                allowRules(commandLine),
                Optional.ofNullable(hostname).map(text -> option(commandLine, "--hostname", text,
                        CommandLineValues::hostname)),
                number(commandLine, "--http-port", httpPort, CommandLineValues::httpPort));
        EmulatorSettings settings = SettingsResolver.resolve(Optional.ofNullable(config), loaded, overrides);
        boolean allowFromEnvironment = allow != null && !commandLine.getParseResult().hasMatchedOption("--allow");
        return allowFromEnvironment ? settings.withAllowSource(AllowSource.ENVIRONMENT) : settings;
    }

    private Optional<List<AllowRule>> allowRules(CommandLine commandLine) {
        if (allow == null) {
            return Optional.empty();
        }
        List<AllowRule> rules = new ArrayList<>();
        for (String entry : allow) {
            rules.addAll(option(commandLine, "--allow", entry, CommandLineValues::allowEntry));
        }
        return Optional.of(rules);
    }

    private static OptionalInt number(CommandLine commandLine, String name, String text,
                                      Function<String, Integer> check) {
        return text == null ? OptionalInt.empty() : OptionalInt.of(option(commandLine, name, text, check));
    }

    private static <T> T option(CommandLine commandLine, String name, String text, Function<String, T> check) {
        try {
            return check.apply(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine,
                    EnvironmentDefaults.origin(commandLine, name, text) + ": " + e.getMessage());
        }
    }
}
