package dev.jetemu.sim.run;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** Application messages collected since the watch started, in arrival order. */
public interface MessageWatch extends AutoCloseable {

    /** The first collected message that satisfies {@code wanted}, waiting up to {@code timeout} for one. */
    Optional<AppMessage> await(Predicate<AppMessage> wanted, Duration timeout) throws InterruptedException;

    @Override
    void close();
}
