package dev.jetemu.bench;

import java.time.Duration;

/**
 * A broker being measured, in a process of its own, with the publisher that feeds it: the
 * simulated device inside jetemu's process, or a Paho client in front of Mosquitto.
 */
interface BrokerUnderTest extends AutoCloseable {

    /** "jetemu" or "Mosquitto". */
    String name();

    int port();

    /** CPU time of the broker's process so far: see {@link ProcCpu}. */
    long cpuNanos();

    boolean isAlive();

    /** Gets {@code events} events ready to publish and the publisher connected: nothing here is timed. */
    void prepare(int events) throws Exception;

    /** Starts publishing the prepared events at {@code qos}, at full speed; returns at once. */
    Publishing startPublishing(int qos) throws Exception;

    /** What the broker logged that a failed run's report should quote; jetemu logs to stderr as it goes. */
    default String log() {
        return "";
    }

    @Override
    void close();

    /** A publishing pass under way. */
    interface Publishing {
        /**
         * Waits until the publisher has published every event (for QoS 1, until every PUBACK came).
         *
         * @return how long the publisher's loop took, in nanoseconds
         * @throws Exception when publishing failed or did not end within {@code timeout}
         */
        long await(Duration timeout) throws Exception;
    }
}
