package dev.jetemu.app;

import dev.jetemu.sim.run.StepFailure;

/**
 * Steps applied to a running {@link Emulator} stopped at one that the device refused (deleting
 * what does not exist, bringing down an interface that is down) or whose wait was not met. The
 * steps before it stay applied. The message is {@code FILE:LINE:COLUMN: keyword: reason}.
 */
public final class StepFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StepFailure failure;
    private final long eventsPublished;

    StepFailedException(StepFailure failure, long eventsPublished) {
        super(failure.toString());
        this.failure = failure;
        this.eventsPublished = eventsPublished;
    }

    /** The step that failed: where it is written and why. */
    public StepFailure failure() {
        return failure;
    }

    /** What the steps before it published. */
    public long eventsPublished() {
        return eventsPublished;
    }
}
