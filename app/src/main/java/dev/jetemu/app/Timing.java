package dev.jetemu.app;

import dev.jetemu.sim.run.ScenarioClock;

import java.time.Instant;

/**
 * How scenario time passes in a run: virtual (sleeps take no time; what tests want) or real time,
 * possibly sped up, as {@code jetemu run --speed}. Either way the events' time headers start at the
 * run's start. An {@code await-subscribers} step waits in real time whatever the timing.
 */
public final class Timing {

    private static final Timing VIRTUAL = new Timing(true, 1);
    private static final Timing REAL_TIME = new Timing(false, 1);

    private final boolean virtual;
    private final double speed;

    private Timing(boolean virtual, double speed) {
        this.virtual = virtual;
        this.speed = speed;
    }

    /** Sleeps take no wall time; the time headers follow the scenario's own clock. */
    public static Timing virtual() {
        return VIRTUAL;
    }

    /** A sleep of 2s takes two seconds, as on a device. */
    public static Timing realTime() {
        return REAL_TIME;
    }

    /**
     * Real time, {@code speed} times faster: a sleep of d takes d / speed.
     *
     * @throws IllegalArgumentException unless speed is a number above 0
     */
    public static Timing realTime(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed " + speed + "; expected a number above 0, such as 10 or 0.5");
        }
        return new Timing(false, speed);
    }

    ScenarioClock clock(Instant start) {
        return virtual ? ScenarioClock.virtual(start) : ScenarioClock.realTime(start, speed);
    }

    @Override
    public String toString() {
        return virtual ? "virtual time" : speed == 1 ? "real time" : "real time x" + speed;
    }
}
