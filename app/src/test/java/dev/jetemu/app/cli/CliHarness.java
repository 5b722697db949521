package dev.jetemu.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs a jetemu command in this JVM and returns its exit code, stdout and stderr. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    /** Runs with no {@code JETEMU_*} variables, whatever the environment of the test run holds. */
    static Result run(String... args) {
        return runWithEnvironment(Map.of(), args);
    }

    static Result runWithEnvironment(Map<String, String> environment, String... args) {
        CommandLine commandLine = JetemuCommand.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
