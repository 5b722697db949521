package dev.jetemu.bench;

import java.util.concurrent.CompletableFuture;

/**
 * A broker being measured, in a process of its own, with the publisher that feeds it: the
 * simulated device inside the broker's JVM (jetemu, Moquette), or the harness's publisher over
 * TCP (Mosquitto, which has no device of its own).
 */
interface BrokerUnderTest extends AutoCloseable {

    /** "jetemu", "Moquette" or "Mosquitto". */
    String name();

    int port();

    /** CPU time of the broker's process so far (see {@link dev.jetemu.bench.process.ProcStatus#cpuNanos}). */
    long cpuNanos();

    boolean isAlive();

    /**
     * Whether the broker is known to drop QoS 0 messages for a subscriber that falls behind
     * (Moquette on its own): its losses are counted and reported rather than failing the run.
     */
    default boolean dropsWhenBehind() {
        return false;
    }

    /** Gets the routes scenario's first {@code events} events ready, and the publisher connected: nothing here is timed. */
    void prepareRoutes(int events, int subscribers) throws Exception;

    /**
     * Publishes the prepared events at {@code qos}, at full speed; returns at once.
     *
     * @return completes with how long the publisher took to hand over every event (at QoS 1,
     *         until its last acknowledgement), in nanoseconds
     */
    CompletableFuture<Long> publishRoutes(int qos) throws Exception;

    /** Gets {@code events} stamped route events ready for {@link #publishPaced}: nothing here is timed. */
    void preparePaced(int events) throws Exception;

    /** Publishes the prepared stamped events at {@code perSecond}, on an absolute schedule; returns at once. */
    CompletableFuture<Long> publishPaced(double perSecond, int qos) throws Exception;

    /** What the broker logged that a failed run's report should quote; JVMs log to stderr as they go. */
    default String log() {
        return "";
    }

    @Override
    void close();
}
