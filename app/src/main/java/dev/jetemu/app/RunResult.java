package dev.jetemu.app;

import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.StepFailure;

import java.time.Duration;
import java.util.Optional;

/**
 * How a scenario run by an {@link Emulator} ended, as the control API reports it.
 *
 * @param failure         the step that failed and why, as {@code FILE:LINE:COLUMN: keyword: reason}; empty when it passed
 * @param eventsPublished messages the device published during the run
 * @param wallTime        how long the run took
 */
public record RunResult(String name, boolean passed, Optional<String> failure, long eventsPublished,
                        Duration wallTime) {

    static RunResult of(ScenarioResult result) {
        return new RunResult(result.name(), result.passed(), result.failure().map(StepFailure::toString),
                result.eventsPublished(), result.wallTime());
    }
}
