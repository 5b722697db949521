package dev.jetemu.app.cli;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jetemu validate}: checks scenario files without a broker, a dry run on the device model included. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Checks scenario files without starting a broker: YAML syntax, steps and fields, "
                + "addresses, durations, and a dry run on the device model, so a step the device would refuse "
                + "is found too.", "Exits 0 when every file is valid, 2 otherwise, with every error as "
                + "FILE:LINE:COLUMN: message."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO|DIR", description = "Scenario files, or folders of them.")
    private List<Path> paths;

    @Override
    public Integer call() {
        List<Diagnostic> errors = new ArrayList<>();
        for (Path file : ScenarioFiles.expand(paths)) {
            try {
                Scenario scenario = ScenarioLoader.loadAndCheck(file);
                spec.commandLine().getOut().println(file + ": valid (" + scenario.steps().size() + " steps)");
            } catch (UserInputException e) {
                errors.addAll(e.diagnostics());
            }
        }
        spec.commandLine().getOut().flush();
        if (!errors.isEmpty()) {
            throw new UserInputException(errors);
        }
        return ExitCode.OK;
    }
}
