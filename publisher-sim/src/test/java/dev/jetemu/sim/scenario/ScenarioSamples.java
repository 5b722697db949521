package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.event.JetEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading the sample files of the tests, and what a scenario does to a device. */
final class ScenarioSamples {

    /** The folder of known user mistakes, under src/test/resources; also how diagnostics name the files. */
    static final String ERRORS = "scenario-errors";

    private ScenarioSamples() {
    }

    static String resource(String path) {
        try (InputStream in = ScenarioSamples.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code jetemu validate} would print for a sample: the load's errors, or, when the file
     * loads, the dry run's.
     */
    static List<String> problems(String sample) {
        return problems(ERRORS + "/" + sample, resource(ERRORS + "/" + sample));
    }

    static List<String> problems(String displayName, String content) {
        try {
            Scenario scenario = ScenarioLoader.parse(displayName, content);
            return ScenarioValidator.dryRun(scenario).stream().map(Diagnostic::toString).toList();
        } catch (UserInputException e) {
            return e.diagnostics().stream().map(Diagnostic::toString).toList();
        }
    }

    /** Builds the initial state, then runs every change of the steps, repeats included; returns the steps' events. */
    static List<JetEvent> events(Scenario scenario, Device device) {
        scenario.initialState().forEach(change -> change.operation().apply(device));
        List<JetEvent> events = new ArrayList<>();
        run(scenario.steps(), device, events);
        return events;
    }

    static List<String> topics(Scenario scenario) {
        return events(scenario, new Device()).stream().map(JetEvent::topic).toList();
    }

    /** Every step a generator makes, in order. */
    static List<Step> expand(Generated generated) {
        List<Step> steps = new ArrayList<>();
        generated.steps().get().forEachRemaining(steps::add);
        return steps;
    }

    private static void run(List<Step> steps, Device device, List<JetEvent> into) {
        for (Step step : steps) {
            if (step instanceof DeviceChange change) {
                into.addAll(change.operation().apply(device));
            } else if (step instanceof Repeat repeat) {
                for (int i = 0; i < repeat.times(); i++) {
                    run(repeat.steps(), device, into);
                }
            } else if (step instanceof Generated generated) {
                run(expand(generated), device, into);
            }
        }
    }
}
