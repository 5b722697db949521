package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.Diagnostics;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.device.DeviceModelException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds, without a broker, the steps the device model would refuse: a dry run of the scenario on a
 * device of its own. Nothing waits and nothing is published: sleeps, awaits, expectations and raw
 * messages are passed over, and the events of each change are dropped.
 *
 * <p>A refused change leaves the device as it was (the model's promise), so the dry run goes on
 * and reports every refusal in one pass. The body of a {@code repeat} runs as many times as the
 * scenario says, since a step may work the first time and not the second (adding a route twice);
 * a refusal is reported once per step and message, with the repetition it first happened in when
 * that is not the first. A generator stops at its first refused change, reported once.
 */
public final class ScenarioValidator {

    private ScenarioValidator() {
    }

    /**
     * Applies the initial state and every step to a new device.
     *
     * @return every refusal, in file order, as {@code FILE:LINE:COLUMN: keyword: what the device says};
     *         empty when the device takes the whole scenario
     */
    public static List<Diagnostic> dryRun(Scenario scenario) {
        return new DryRun(scenario.file()).run(scenario);
    }

    /**
     * @throws UserInputException listing every refusal of {@link #dryRun}
     */
    public static void check(Scenario scenario) {
        List<Diagnostic> refused = dryRun(scenario);
        if (!refused.isEmpty()) {
            throw new UserInputException(refused);
        }
    }

    private static final class DryRun {

        private final Device device = new Device();
        private final Diagnostics diagnostics;
        /** Place and message of each refusal reported, so that a repeated one is reported once. */
        private final Set<String> reported = new HashSet<>();
        /** The repeats the run is in, innermost last: for "in repetition 2 of 3". */
        private final Deque<Repetition> repetitions = new ArrayDeque<>();

        private record Repetition(Repeat repeat, int number) {

            @Override
            public String toString() {
                return "repetition " + number + " of " + repeat.times() + " of the repeat at line " + repeat.at().line();
            }
        }

        DryRun(String file) {
            diagnostics = new Diagnostics(file);
        }

        List<Diagnostic> run(Scenario scenario) {
            for (DeviceChange change : scenario.initialState()) {
                apply(change, "in the device section, ");
            }
            steps(scenario.steps());
            return diagnostics.errors();
        }

        private void steps(List<Step> steps) {
            for (Step step : steps) {
                if (step instanceof DeviceChange change) {
                    apply(change, "");
                } else if (step instanceof Repeat repeat) {
                    for (int i = 1; i <= repeat.times(); i++) {
                        repetitions.addLast(new Repetition(repeat, i));
                        steps(repeat.steps());
                        repetitions.removeLast();
                    }
                } else if (step instanceof Generated generated) {
                    generated(generated);
                }
            }
        }

        /** A generator's changes, up to the first it makes that the device refuses: the rest would follow from it. */
        private void generated(Generated generated) {
            Iterator<Step> steps = generated.steps().get();
            while (steps.hasNext()) {
                if (steps.next() instanceof DeviceChange change && !apply(change, "")) {
                    return;
                }
            }
        }

        /** Applies the change; false, with the refusal reported, when the device refuses it. */
        private boolean apply(DeviceChange change, String context) {
            try {
                change.operation().apply(device);
                return true;
            } catch (DeviceModelException e) {
                if (reported.add(change.at() + " " + e.getMessage())) {
                    diagnostics.error(change.at(), context + change.keyword() + repetition() + ": " + e.getMessage());
                }
                return false;
            }
        }

        /** {@code  (in repetition 2 of 3 of the repeat at line 7)}, when some repetition is not the first. */
        private String repetition() {
            if (repetitions.stream().allMatch(r -> r.number() == 1)) {
                return "";
            }
            return repetitions.stream().map(Repetition::toString).collect(Collectors.joining(", ", " (in ", ")"));
        }
    }
}
