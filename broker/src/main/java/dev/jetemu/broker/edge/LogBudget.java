package dev.jetemu.broker.edge;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many lines a noisy kind of log line may take: up to {@code lines} in each window of time.
 * What is held back is counted, and the next line that may be logged says how many were.
 */
final class LogBudget {

    /** A line may not be logged. */
    static final long DENIED = -1;

    private final int lines;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int logged;
    private long heldBack;

    /** The edge's budget for each noisy kind of line: 10 lines in every 10 s. */
    static LogBudget edgeDefault() {
        return new LogBudget(10, TimeUnit.SECONDS.toNanos(10), System::nanoTime);
    }

    LogBudget(int lines, long windowNanos, LongSupplier nanoTime) {
        this.lines = lines;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /**
     * Takes one line of the budget.
     *
     * @return {@link #DENIED} when this line must not be logged; otherwise how many lines were held
     *         back since the last one logged
     */
    synchronized long take() {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            logged = 0;
        }
        if (logged >= lines) {
            heldBack++;
            return DENIED;
        }
        logged++;
        long told = heldBack;
        heldBack = 0;
        return told;
    }
}
