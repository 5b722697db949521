package dev.jetemu.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Options from the environment, so that a container is configured the way containers are:
 * every option of a command this is registered on can be given as {@code JETEMU_} and the
 * option's name ({@code --http-port} as {@code JETEMU_HTTP_PORT}); {@code --allow} is
 * {@code JETEMU_ALLOW_CLIENTS}, after the Junos statement it stands for. A repeatable option takes
 * a comma-separated list, a flag {@code true} or {@code false}.
 *
 * <p>The command line wins over the environment, which wins over the configuration file (the
 * variables are the options' defaults). An empty variable counts as unset, so that
 * {@code -e JETEMU_ALLOW_CLIENTS=} or compose's {@code ${VAR:-}} switches a variable, the image's
 * default included, off. A wrong value is reported naming the variable, never the option the
 * user did not type.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    static final String PREFIX = "JETEMU_";

    /** Options whose variable is not simply their name. */
    private static final Map<String, String> RENAMED = Map.of("--allow", PREFIX + "ALLOW_CLIENTS");

    /** The help's footer on the commands this is registered on. */
    static final String HELP = "Every option can also come from an environment variable: JETEMU_ and the option's "
            + "name (JETEMU_HTTP_PORT for --http-port; JETEMU_ALLOW_CLIENTS for --allow), a comma-separated list for "
            + "a repeatable option, true or false for a flag. The command line wins; an empty variable is unset.";

    /** How a repeatable option splits its value, on the command line and in its variable. */
    static final String LIST_SEPARATOR = ",";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The variable that stands for an option: {@code JETEMU_HTTP_PORT} for {@code --http-port}. */
    static String variable(OptionSpec option) {
        String name = option.longestName();
        return RENAMED.getOrDefault(name,
                PREFIX + name.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT));
    }

    /** What the environment says for an option: empty when its variable is unset or empty. */
    Optional<String> value(OptionSpec option) {
        if (option.usageHelp() || option.versionHelp()) {
            return Optional.empty();
        }
        return Optional.ofNullable(environment.get(variable(option))).filter(value -> !value.isEmpty());
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        Optional<String> value = value(option);
        if (value.isEmpty()) {
            return null;
        }
        checkExclusive(option);
        return checked(option, value.get());
    }

    /**
     * How a message names a value: as the user typed it ({@code --port abc}), or, when the value
     * came from the environment, as the variable that holds it ({@code JETEMU_PORT=abc}).
     */
    static String origin(CommandLine commandLine, String optionName, String value) {
        if (commandLine.getDefaultValueProvider() instanceof EnvironmentDefaults defaults) {
            OptionSpec option = commandLine.getCommandSpec().findOption(optionName);
            CommandLine.ParseResult parsed = commandLine.getParseResult();
            if (option != null && (parsed == null || !parsed.hasMatchedOption(option))) {
                Optional<String> set = defaults.value(option);
                if (set.isPresent()) {
                    return variable(option) + "=" + set.get();
                }
            }
        }
        return optionName + " " + value;
    }

    /**
     * Makes an option typed on the command line win over the environment's value for another
     * option of its exclusive group ({@code --speed 10} over {@code JETEMU_VIRTUAL_TIME=true}):
     * picocli applies defaults to every option, and an exclusive group's members are read as
     * "whichever is set", so the environment's would otherwise still count.
     */
    void yieldToCommandLine(CommandLine.ParseResult parseResult) {
        for (CommandLine commandLine : parseResult.asCommandLineList()) {
            if (commandLine.getDefaultValueProvider() != this) {
                continue;
            }
            CommandLine.ParseResult parsed = commandLine.getParseResult();
            for (ArgGroupSpec group : commandLine.getCommandSpec().argGroups()) {
                if (!group.exclusive() || group.options().stream().noneMatch(parsed::hasMatchedOption)) {
                    continue;
                }
                for (OptionSpec option : group.options()) {
                    if (!parsed.hasMatchedOption(option) && value(option).isPresent()) {
                        option.setValue(option.initialValue());
                    }
                }
            }
        }
    }

    private void checkExclusive(OptionSpec option) {
        ArgGroupSpec group = option.group();
        if (group == null || !group.exclusive()) {
            return;
        }
        List<OptionSpec> set = group.options().stream().filter(member -> value(member).isPresent()).toList();
        if (set.size() > 1) {
            throw new ParameterException(option.command().commandLine(),
                    set.stream().map(EnvironmentDefaults::variable).collect(Collectors.joining(" and "))
                            + " are both set; expected one of them, as "
                            + set.stream().map(OptionSpec::longestName).collect(Collectors.joining(" and "))
                            + " exclude each other");
        }
    }

    /**
     * Checks what picocli would otherwise reject in its own words, naming the option; the
     * commands check ranges and shapes themselves, through {@link #origin}.
     *
     * @return the value as picocli is to read it: a list's entries without the blanks around them
     */
    private static String checked(OptionSpec option, String value) {
        if (!option.isMultiValue()) {
            typeMismatch(option.type(), value).ifPresent(expected -> {
                throw mistake(option, value, expected);
            });
            return value;
        }
        if (!option.splitRegex().equals(LIST_SEPARATOR)) {
            throw new IllegalStateException(option.longestName() + " is repeatable but does not split on '"
                    + LIST_SEPARATOR + "', so " + variable(option) + " could not hold a list");
        }
        List<String> entries = Arrays.stream(value.split(LIST_SEPARATOR, -1)).map(String::strip).toList();
        for (String entry : entries) {
            if (entry.isEmpty()) {
                throw mistake(option, value, "a comma-separated list without empty entries");
            }
            typeMismatch(option.auxiliaryTypes()[0], entry).ifPresent(expected -> {
                throw mistake(option, value, expected + " in every entry, not '" + entry + "'");
            });
        }
        return String.join(LIST_SEPARATOR, entries);
    }

    private static ParameterException mistake(OptionSpec option, String value, String expected) {
        return new ParameterException(option.command().commandLine(),
                variable(option) + "=" + value + ": expected " + expected, option, value);
    }

    /** What a value of {@code type} is expected to be when {@code value} is not one: {@code a whole number}. */
    static Optional<String> typeMismatch(Class<?> type, String value) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            boolean fits = WHOLE_NUMBER.matcher(value).matches();
            if (fits) {
                try {
                    long number = Long.parseLong(value);
                    fits = type == long.class || type == Long.class || number == (int) number;
                } catch (NumberFormatException e) {
                    fits = false;
                }
            }
            return fits ? Optional.empty() : Optional.of("a whole number");
        }
        if (type == double.class || type == Double.class) {
            try {
                return Double.isFinite(Double.parseDouble(value)) ? Optional.empty() : Optional.of("a number");
            } catch (NumberFormatException e) {
                return Optional.of("a number");
            }
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? Optional.empty() : Optional.of("true or false");
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .toList();
            return names.contains(value) ? Optional.empty() : Optional.of("one of " + String.join(", ", names));
        }
        return Optional.empty();
    }
}
