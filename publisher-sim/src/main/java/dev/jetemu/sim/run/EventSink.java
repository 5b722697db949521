package dev.jetemu.sim.run;

/**
 * Where the simulated device's messages go: the embedded broker, or an external one. Messages
 * are published in the order given; one thread publishes.
 */
public interface EventSink {

    /**
     * Publishes one message. May wait (flow control, a QoS 1 window) but loses nothing it accepted.
     *
     * @throws SinkException when the messages can no longer be delivered (the broker went away)
     */
    void publish(String topic, byte[] payload, int qos) throws InterruptedException;
}
