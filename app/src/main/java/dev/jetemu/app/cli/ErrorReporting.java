package dev.jetemu.app.cli;

import dev.jetemu.broker.BrokerStartException;
import dev.jetemu.diagnostics.UserInputException;
import picocli.CommandLine;

import java.io.PrintWriter;

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
        err.println("jetemu: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.INVALID_INPUT;
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
