package dev.jetemu.app.cli;

import dev.jetemu.sim.run.RunListener;
import dev.jetemu.sim.scenario.Step;

import java.io.PrintWriter;
import java.time.Instant;

/**
 * The progress line {@code run} keeps up to date on a terminal's stderr: step N of M, events
 * published, elapsed time. Redrawn at most every 200 ms; nothing is drawn when stderr is not a terminal.
 */
final class Progress implements RunListener {

    private static final long REDRAW_NANOS = 200_000_000;

    private final PrintWriter err;
    private final String scenario;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private int step;
    private int steps;
    private long events;

    Progress(PrintWriter err, String scenario) {
        this.err = err;
        this.scenario = scenario;
    }

    static RunListener forTerminal(PrintWriter err, String scenario) {
        return System.console() == null ? RunListener.NONE : new Progress(err, scenario);
    }

    @Override
    public void stepStarted(int number, int total, Step started) {
        step = number;
        steps = total;
        draw();
    }

    @Override
    public void published(String topic, byte[] payload, Instant scenarioTime) {
        events++;
        draw();
    }

    private void draw() {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        err.printf("\r%s: step %d of %d, %,d events published, %.1f s ", scenario, step, steps, events,
                (now - started) / 1e9);
        err.flush();
    }

    /** Clears the line before the scenario's result is printed. */
    void clear() {
        if (lastDrawn != 0) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
