package dev.jetemu.sim.scenario;

/**
 * A step that reproduces a device's bad day rather than a change of its state: clients cut off,
 * the notification service restarted or stalled, events lost or repeated. All but
 * {@link PauseDelivery} act on the broker, so they need jetemu's own.
 */
public sealed interface Fault extends Step permits DisconnectClients, RestartBroker, PauseDelivery, DeliveryFault {

    /** Whether the fault acts on the broker itself, which an external broker does not let jetemu do. */
    default boolean needsOwnBroker() {
        return true;
    }
}
