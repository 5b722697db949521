package dev.jetemu.sim.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Real time at a given speed. Sleeps are measured against a schedule (the start of the run plus
 * the sleeps so far) rather than added up, so that the small lateness of each wake-up does not
 * accumulate over a scenario; a wait for an application moves the schedule on ({@link #resync}).
 */
final class RealTimeClock implements ScenarioClock {

    /** Below this, a sleep spins on parkNanos slices rather than trusting one long park. */
    private static final long SPIN_NANOS = 2_000_000;

    private final Instant start;
    private final double speed;
    private final long startNanos = System.nanoTime();
    private long scenarioNanos;

    RealTimeClock(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0");
        }
        this.start = start;
        this.speed = speed;
    }

    @Override
    public Instant now() {
        long elapsedWall = System.nanoTime() - startNanos;
        return start.plusNanos((long) (elapsedWall * speed));
    }

    @Override
    public void resync() {
        scenarioNanos = Math.max(scenarioNanos, (long) ((System.nanoTime() - startNanos) * speed));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        scenarioNanos += duration.toNanos();
        long wakeAt = startNanos + (long) (scenarioNanos / speed);
        long remaining;
        while ((remaining = wakeAt - System.nanoTime()) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(remaining > SPIN_NANOS ? remaining - SPIN_NANOS / 2 : remaining);
        }
    }
}
