package dev.jetemu.sim.run;

import dev.jetemu.diagnostics.Position;

/**
 * Why a scenario failed: the step, where it is written, and what was not met.
 * {@link #toString()} is {@code FILE:LINE:COLUMN: keyword: reason}.
 */
public record StepFailure(String file, String keyword, Position at, String reason) {

    @Override
    public String toString() {
        return file + ":" + at.line() + ":" + at.column() + ": " + keyword + ": " + reason;
    }
}
