package dev.jetemu.sim.run;

import java.time.Duration;
import java.time.Instant;

/**
 * Scenario time: what {@code sleep} waits on and what the {@code time} header says. Either real
 * time, possibly sped up, or virtual time that never waits.
 */
public interface ScenarioClock {

    /** The scenario's current time, written into each event's {@code time} header. */
    Instant now();

    /** Lets {@code duration} of scenario time pass. */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Real time spent outside the schedule of sleeps (waiting for an application) moves the
     * schedule on, so that the next sleep counts from now rather than catching up.
     */
    default void resync() {
    }

    /** Real time: a sleep of d takes d / speed; the time header advances at the same rate from {@code start}. */
    static ScenarioClock realTime(Instant start, double speed) {
        return new RealTimeClock(start, speed);
    }

    /** Virtual time: sleeps take no wall time; the time header follows the scenario's own clock from {@code start}. */
    static ScenarioClock virtual(Instant start) {
        return new VirtualClock(start);
    }
}
