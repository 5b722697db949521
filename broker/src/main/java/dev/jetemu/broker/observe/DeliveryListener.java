package dev.jetemu.broker.observe;

/**
 * Told what becomes of the messages the broker sends its clients, for metrics. Called on Netty's
 * event loops, once per message and client: implementations must be quick, must not block, and
 * should not take locks.
 */
public interface DeliveryListener {

    DeliveryListener NONE = new DeliveryListener() { };

    /** The latency passed to {@link #delivered} for a message the device did not publish. */
    long LATENCY_UNKNOWN = -1;

    /**
     * A PUBLISH was written to a client's socket: once per message and client, resends and
     * duplicate-fault copies excluded.
     *
     * @param qos          the QoS it was sent at
     * @param latencyNanos for a message the device published, from {@code NotificationBroker.publish}
     *                     being called to the write completing; {@link #LATENCY_UNKNOWN} for one an
     *                     application published (or a retained message)
     */
    default void delivered(int qos, long latencyNanos) { }

    /** A message was not written to a client that should have received it. */
    default void dropped(DropReason reason) { }

    /** A duplicate fault wrote a message to a client a second time. */
    default void duplicated() { }

    /** A subscriber that stopped reading was disconnected (slow-subscriber policy). */
    default void slowSubscriberDisconnected() { }
}
