package dev.jetemu.sim.run;

/**
 * What the fault steps do to the broker the device publishes to. Client patterns are globs on
 * MQTT client ids ({@code app-*}; {@code *} for every client); filters are MQTT topic filters.
 */
public interface BrokerControl {

    /** Refuses every fault: for a broker jetemu does not run. */
    BrokerControl NONE = new BrokerControl() { };

    /** Closes the connections of the matching clients; returns how many were closed. */
    default int disconnectClients(String clientPattern) {
        throw unsupported();
    }

    /**
     * Stops the broker once what was already published has reached its subscribers (within a
     * few seconds): every connection closes, sessions and subscriptions are lost.
     */
    default void stopBroker() throws InterruptedException {
        throw unsupported();
    }

    /**
     * Starts the stopped broker again, on the same port.
     *
     * @throws SinkException when it cannot listen again
     */
    default void startBroker() {
        throw unsupported();
    }

    /** The matching clients connected now miss their next {@code count} messages on {@code filter}; returns how many clients. */
    default int dropNext(String clientPattern, String filter, int count) {
        throw unsupported();
    }

    /** The matching clients connected now receive their next {@code count} messages on {@code filter} twice; returns how many clients. */
    default int duplicateNext(String clientPattern, String filter, int count) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("faults need jetemu's own broker");
    }
}
