package dev.jetemu.broker.edge;

import java.net.InetSocketAddress;

/**
 * Told of what the access edge decides, for metrics and the control API. Called on Netty's
 * event loops: implementations must be quick and must not block.
 */
public interface AccessListener {

    AccessListener NONE = new AccessListener() { };

    default void connectionOpened(InetSocketAddress peer) { }

    default void connectionClosed(InetSocketAddress peer) { }

    default void refused(InetSocketAddress peer, Refusal refusal) { }

    /**
     * An admitted client broke the protocol and its connection is closed (for
     * {@link ProtocolViolation#CONNECT_REJECTED}, after the CONNACK that says why). Told once per
     * connection at most, before {@link #connectionClosed}.
     */
    default void protocolViolation(InetSocketAddress peer, ProtocolViolation violation) { }

    /** An application published under the device's own {@code /junos/} tree; the message was dropped. */
    default void publishRefused(InetSocketAddress peer, String clientId, String topic) { }
}
