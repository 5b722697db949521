package dev.jetemu.sim.run;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/**
 * The device's messages held back by {@code pause-delivery}, in order, and when the pause ends in
 * scenario time. A new pause while one is running extends it to the later end.
 */
final class HeldEvents {

    /** One held message. */
    record Held(String topic, byte[] payload, int qos) {
    }

    private final Queue<Held> held = new ArrayDeque<>();
    private Instant until = Instant.MIN;

    void pauseUntil(Instant end) {
        if (end.isAfter(until)) {
            until = end;
        }
    }

    /** Whether messages published at {@code now} are held. */
    boolean paused(Instant now) {
        return now.isBefore(until);
    }

    /** When the pause ends, while one runs at {@code now}. */
    Optional<Instant> end(Instant now) {
        return paused(now) ? Optional.of(until) : Optional.empty();
    }

    void hold(String topic, byte[] payload, int qos) {
        held.add(new Held(topic, payload, qos));
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** The next held message, oldest first; null when none. */
    Held next() {
        return held.poll();
    }

    /** Ends the pause at once (the scenario is over). */
    void end() {
        until = Instant.MIN;
    }
}
