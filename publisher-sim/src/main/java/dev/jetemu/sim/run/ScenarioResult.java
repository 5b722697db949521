package dev.jetemu.sim.run;

import java.time.Duration;
import java.util.Optional;

/**
 * How one scenario run ended.
 *
 * @param eventsPublished messages the device published (events and raw steps)
 * @param wallTime        how long the run took
 */
public record ScenarioResult(String name, String file, Optional<StepFailure> failure, long eventsPublished,
                             Duration wallTime) {

    public boolean passed() {
        return failure.isEmpty();
    }
}
