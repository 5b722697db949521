package dev.jetemu.broker.clients;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A connected client and the subscriptions the broker granted it.
 *
 * @param subscriptions its topic filters, in the order it subscribed
 */
public record ClientSubscriptions(String clientId, InetSocketAddress address, List<Subscription> subscriptions) {

    public ClientSubscriptions {
        subscriptions = List.copyOf(subscriptions);
    }

    /** One granted subscription: a topic filter and the QoS granted for it. */
    public record Subscription(String filter, int qos) {
    }
}
