package dev.jetemu.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a jetemu command in this JVM and returns its exit code, stdout and stderr. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    static Result run(String... args) {
        CommandLine commandLine = JetemuCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
