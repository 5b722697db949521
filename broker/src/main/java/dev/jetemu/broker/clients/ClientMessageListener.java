package dev.jetemu.broker.clients;

/**
 * Told of every message an application publishes through the broker (never the device's own).
 * Called on Netty's event loops: implementations must be quick and must not block.
 */
@FunctionalInterface
public interface ClientMessageListener {

    void published(String clientId, String topic, byte[] payload);
}
