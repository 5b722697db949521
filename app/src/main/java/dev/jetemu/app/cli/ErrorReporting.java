package dev.jetemu.app.cli;

import dev.jetemu.broker.BrokerStartException;
import dev.jetemu.diagnostics.Suggestions;
import dev.jetemu.diagnostics.UserInputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Maps every failure a user can cause to one clear message on stderr and an exit code.
 * Only a bug in jetemu itself prints a stack trace.
 */
final class ErrorReporting implements CommandLine.IParameterExceptionHandler,
        CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        Optional<String> unknown = e instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unknownWord(unmatched) : wrongType(e);
        if (unknown.isPresent()) {
            err.println("jetemu: " + unknown.get());
        } else {
            err.println("jetemu: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        }
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.INVALID_INPUT;
    }

    /**
     * An unknown option or command, said in one line with the closest known one (picocli's own
     * words list the option's value as a second unknown option, and miss close misspellings such
     * as {@code --prot}).
     */
    private static Optional<String> unknownWord(CommandLine.UnmatchedArgumentException unmatched) {
        List<String> words = unmatched.getUnmatched();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        CommandLine.Model.CommandSpec spec = unmatched.getCommandLine().getCommandSpec();
        String first = words.get(0);
        if (first.startsWith("-")) {
            String option = first.split("=", 2)[0];
            List<String> options = spec.options().stream().map(CommandLine.Model.OptionSpec::longestName).toList();
            return Optional.of("unknown option '" + option + "' for " + spec.qualifiedName() + didYouMean(option, options)
                    + "; expected one of " + String.join(", ", options));
        }
        if (!spec.positionalParameters().isEmpty()) {
            return Optional.empty();
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = List.copyOf(spec.subcommands().keySet());
            return Optional.of("unknown command '" + first + "'" + didYouMean(first, commands)
                    + "; expected one of " + String.join(", ", commands));
        }
        return Optional.of("unexpected argument '" + first + "' for " + spec.qualifiedName()
                + "; expected options only, each starting with --");
    }

    /** A value picocli could not convert, in the words used for the environment's: {@code --qos one: expected a whole number}. */
    private static Optional<String> wrongType(CommandLine.ParameterException e) {
        if (!(e.getCause() instanceof CommandLine.TypeConversionException)
                || !(e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) || e.getValue() == null) {
            return Optional.empty();
        }
        Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
        return EnvironmentDefaults.typeMismatch(type, e.getValue())
                .map(expected -> option.longestName() + " " + e.getValue() + ": expected " + expected);
    }

    private static String didYouMean(String word, List<String> known) {
        return Suggestions.didYouMean(word, known).map(match -> " (did you mean '" + match + "'?)").orElse("");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof UserInputException input) {
            input.diagnostics().forEach(err::println);
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof BrokerStartException start) {
            err.println("jetemu: " + start.getMessage());
            err.flush();
            return ExitCode.ENVIRONMENT;
        }
        if (e instanceof java.io.IOException io) {
            err.println("jetemu: " + io.getMessage());
            err.flush();
            return ExitCode.ENVIRONMENT;
        }
        if (e instanceof CommandLine.ParameterException parameter) {
            return handleParseException(parameter, parseResult.originalArgs().toArray(String[]::new));
        }
        throw new IllegalStateException("jetemu failed unexpectedly; please report this with the command you ran", e);
    }

    @Override
    public int getExitCode(Throwable exception) {
        return ExitCode.ENVIRONMENT;
    }
}
