package dev.jetemu.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** The top-level command: lists the commands, runs none itself. */
@Command(name = "jetemu",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "An emulator of the Junos JET notification service: an MQTT broker with the device's "
                + "access rules, and a simulated device that publishes jet-event messages.",
        subcommands = {ServeCommand.class, RunCommand.class, ValidateCommand.class, EventsCommand.class,
                RecordCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a scenario failed, 2 invalid input (usage, configuration, "
                + "scenario file), 3 the environment failed (port in use, broker unreachable)."})
public final class JetemuCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The commands whose options can come from {@code JETEMU_*} variables: those that start the emulator. */
    static final List<String> CONFIGURED_BY_ENVIRONMENT = List.of("serve", "run");

    /** The command line with jetemu's error handling: one clear line and an exit code, no stack traces. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The same, reading {@code JETEMU_*} option values from {@code environment} rather than the process's. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new JetemuCommand());
        ErrorReporting errors = new ErrorReporting();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setExitCodeExceptionMapper(errors);
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        CONFIGURED_BY_ENVIRONMENT.forEach(name -> commandLine.getSubcommands().get(name).setDefaultValueProvider(defaults));
        commandLine.setExecutionStrategy(parseResult -> {
            defaults.yieldToCommandLine(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
