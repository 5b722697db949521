package dev.jetemu.app.publish;

import dev.jetemu.broker.NotificationBroker;
import dev.jetemu.broker.clients.ClientMessageListener;
import dev.jetemu.broker.clients.TopicFilters;
import dev.jetemu.sim.run.AppMessage;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.MessageWatch;

/**
 * The device publishing into jetemu's own broker, in-process: no TCP hop, and the broker's flow
 * control holds the device back while a subscriber is behind.
 */
public final class EmbeddedBroker implements EventSink, BrokerView {

    private final NotificationBroker broker;

    public EmbeddedBroker(NotificationBroker broker) {
        this.broker = broker;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) throws InterruptedException {
        broker.publish(topic, payload, qos);
    }

    @Override
    public int subscribersOverlapping(String filter) {
        return broker.subscriptions().countOverlapping(filter);
    }

    @Override
    public MessageWatch watch(String filter) {
        CollectedMessages collected = new CollectedMessages();
        ClientMessageListener listener = (clientId, topic, payload) -> {
            if (TopicFilters.matches(filter, topic)) {
                collected.add(new AppMessage(clientId, topic, payload));
            }
        };
        broker.clientMessages().addListener(listener);
        return collected.onClose(() -> broker.clientMessages().removeListener(listener));
    }
}
