package dev.jetemu.app.cli;

/** The exit codes of every jetemu command, as the README documents them. */
public final class ExitCode {

    public static final int OK = 0;
    /** A scenario ran and failed: an await or expectation was not met. */
    public static final int SCENARIO_FAILED = 1;
    /** Invalid input: usage, configuration or scenario file. */
    public static final int INVALID_INPUT = 2;
    /** The environment failed: the port is in use, a broker is unreachable. */
    public static final int ENVIRONMENT = 3;

    private ExitCode() {
    }
}
