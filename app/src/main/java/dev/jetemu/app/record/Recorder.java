package dev.jetemu.app.record;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Moves what a {@link BrokerSubscription} receives into a {@link ScenarioFileWriter} until the
 * time is up, a stop is asked for, or the connection is lost; then disconnects, writes what was
 * still queued (what arrived in time) and finishes the file.
 */
public final class Recorder {

    /** How often a stop request or a lost connection is noticed while nothing arrives. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** Messages per write: large enough for bursts, small enough to keep the file close behind. */
    private static final int BATCH = 1_000;

    /** Told after each write, for a progress line. */
    public interface Listener {
        Listener NONE = (recorded, skipped, elapsed) -> { };

        void written(long recorded, long skipped, Duration elapsed);
    }

    /**
     * @param elapsed        how long the recording lasted
     * @param connectionLost why the broker's connection was lost, when that ended the recording
     */
    public record Outcome(long recorded, long retained, long skipped, Duration elapsed,
                          Optional<String> connectionLost) {
    }

    private Recorder() {
    }

    /**
     * Records until {@code limit} has passed since the subscription (for ever when empty),
     * {@code stop} says so, or the connection is lost. Closes {@code subscription}; leaves
     * {@code writer} finished but open.
     */
    public static Outcome record(BrokerSubscription subscription, ScenarioFileWriter writer, Optional<Duration> limit,
                                 BooleanSupplier stop, Listener listener) throws IOException, InterruptedException {
        long limitNanos = limit.map(Duration::toNanos).orElse(Long.MAX_VALUE);
        List<RecordedMessage> batch = new ArrayList<>();
        Duration elapsed;
        try {
            while (!stop.getAsBoolean() && subscription.connectionLost().isEmpty()) {
                long remaining = limitNanos - subscription.elapsed().toNanos();
                if (remaining <= 0) {
                    break;
                }
                Duration wait = remaining < POLL.toNanos() ? Duration.ofNanos(remaining) : POLL;
                RecordedMessage first = subscription.next(wait);
                if (first != null) {
                    batch.add(first);
                    subscription.drainTo(batch, BATCH - 1);
                    write(batch, limitNanos, writer);
                    listener.written(writer.recorded(), writer.skipped(), subscription.elapsed());
                }
            }
            elapsed = subscription.elapsed();
        } finally {
            subscription.close();
        }
        subscription.drainTo(batch, Integer.MAX_VALUE);
        write(batch, limitNanos, writer);
        if (limit.isPresent() && elapsed.compareTo(limit.get()) > 0) {
            elapsed = limit.get();
        }
        writer.finish(elapsed);
        return new Outcome(writer.recorded(), writer.retained(), writer.skipped(), elapsed,
                subscription.connectionLost());
    }

    /** Writes the messages that arrived within the limit; those after it are past the end of the recording. */
    private static void write(List<RecordedMessage> batch, long limitNanos, ScenarioFileWriter writer)
            throws IOException {
        for (RecordedMessage message : batch) {
            if (message.atNanos() <= limitNanos) {
                writer.add(message);
            }
        }
        batch.clear();
        writer.flush();
    }
}
