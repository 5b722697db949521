package dev.jetemu.sim.run;

import java.time.Duration;
import java.time.Instant;

/** Scenario time that moves only when a step sleeps, and then at once. */
final class VirtualClock implements ScenarioClock {

    private Instant now;

    VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        now = now.plus(duration);
    }
}
