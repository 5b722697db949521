package dev.jetemu.broker.edge;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** What the edge remembers about a client connection, for its log lines and listeners. */
final class ClientAttributes {

    private static final AttributeKey<String> CLIENT_ID = AttributeKey.valueOf("jetemu.clientId");

    private ClientAttributes() {
    }

    static void clientId(Channel channel, String clientId) {
        channel.attr(CLIENT_ID).set(clientId);
    }

    /** The client id from the CONNECT, or "?" before one arrived. */
    static String clientId(Channel channel) {
        String id = channel.attr(CLIENT_ID).get();
        return id == null ? "?" : id;
    }
}
