package dev.jetemu.broker.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * When a subscriber counts as behind, and what is done about one that stops reading.
 *
 * <p>A subscriber is behind when the bytes waiting in its socket's outbound buffer exceed
 * {@code highWaterBytes}, or when the QoS 1 and 2 messages waiting in its session queue exceed
 * {@code highWaterMessages}; it has caught up when both are below their low-water marks again.
 * While a subscriber is behind, the device does not publish what it would receive and client
 * publishers are not read from (TCP slows them, as it would with Mosquitto).
 */
public record FlowSettings(
        long highWaterBytes,
        long lowWaterBytes,
        int highWaterMessages,
        int lowWaterMessages,
        Duration gracePeriod,
        SlowSubscriberPolicy policy) {

    /**
     * 1 MiB is a few thousand jet-events: enough to keep a reading subscriber's socket busy, small
     * enough that a stalled one costs little memory before the policy acts.
     */
    public static final FlowSettings DEFAULTS = new FlowSettings(1024 * 1024, 256 * 1024, 1000, 250,
            Duration.ofSeconds(10), SlowSubscriberPolicy.DISCONNECT);

    public FlowSettings {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(policy, "policy");
        if (lowWaterBytes >= highWaterBytes || lowWaterMessages >= highWaterMessages) {
            throw new IllegalArgumentException("a low-water mark must be below its high-water mark");
        }
    }

    public FlowSettings withPolicy(SlowSubscriberPolicy newPolicy, Duration newGracePeriod) {
        return new FlowSettings(highWaterBytes, lowWaterBytes, highWaterMessages, lowWaterMessages, newGracePeriod,
                newPolicy);
    }
}
