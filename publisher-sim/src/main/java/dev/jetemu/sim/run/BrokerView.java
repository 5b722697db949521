package dev.jetemu.sim.run;

/**
 * What a scenario may ask of the broker the device publishes to: who has subscribed, and what
 * applications publish, for {@code await-subscribers} and {@code expect-message}.
 */
public interface BrokerView {

    /**
     * Connected clients holding a subscription that would receive some message published under
     * {@code filter}.
     *
     * @throws UnsupportedOperationException when this broker cannot tell (an external broker)
     */
    int subscribersOverlapping(String filter);

    /** Starts collecting application messages on topics matching {@code filter}, until closed. */
    MessageWatch watch(String filter);
}
