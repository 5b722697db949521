package dev.jetemu.app.publish;

import dev.jetemu.sim.run.AppMessage;
import dev.jetemu.sim.run.BrokerView;
import dev.jetemu.sim.run.EventSink;
import dev.jetemu.sim.run.MessageWatch;
import dev.jetemu.sim.run.SinkException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.UUID;

/**
 * The device publishing to a broker that is not jetemu's (a Mosquitto, say) over MQTT, as one
 * client. At most {@value #IN_FLIGHT} messages are unacknowledged at once (QoS 1 and 2), and at
 * QoS 0 Paho's own buffer is waited on rather than overflowed, so nothing accepted is lost on
 * the way to that broker. Who subscribed there cannot be known, so {@code await-subscribers}
 * is not available.
 */
public final class ExternalBroker implements EventSink, BrokerView, AutoCloseable {

    private static final int IN_FLIGHT = 1000;

    private final String uri;
    private final MqttAsyncClient client;
    private final Queue<IMqttDeliveryToken> unacknowledged = new ArrayDeque<>();

    private ExternalBroker(String uri, MqttAsyncClient client) {
        this.uri = uri;
        this.client = client;
    }

    /** @throws SinkException when the broker cannot be reached or refuses the connection */
    public static ExternalBroker connect(String uri) {
        try {
            // Paho knows the scheme tcp only; mqtt://, which --broker accepts, is the same thing.
            String pahoUri = uri.startsWith("mqtt://") ? "tcp://" + uri.substring("mqtt://".length()) : uri;
            MqttAsyncClient client = new MqttAsyncClient(pahoUri, "jetemu-device-" + UUID.randomUUID(),
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setConnectionTimeout(5);
            options.setMaxInflight(IN_FLIGHT);
            client.connect(options).waitForCompletion(10_000);
            return new ExternalBroker(uri, client);
        } catch (MqttException | IllegalArgumentException e) {
            throw new SinkException("cannot connect to " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) throws InterruptedException {
        try {
            while (unacknowledged.size() >= IN_FLIGHT
                    || client.getPendingDeliveryTokens().length >= IN_FLIGHT) {
                IMqttDeliveryToken oldest = unacknowledged.poll();
                if (oldest == null) {
                    Thread.sleep(1);
                } else {
                    oldest.waitForCompletion();
                }
            }
            unacknowledged.add(client.publish(topic, payload, qos, false));
            while (!unacknowledged.isEmpty() && unacknowledged.peek().isComplete()) {
                unacknowledged.remove();
            }
        } catch (MqttException e) {
            throw new SinkException("publishing to " + uri + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int subscribersOverlapping(String filter) {
        throw new UnsupportedOperationException("an external broker does not tell who subscribed");
    }

    @Override
    public MessageWatch watch(String filter) {
        CollectedMessages collected = new CollectedMessages();
        try {
            client.subscribe(filter, 1, null, null, (topic, message) ->
                    collected.add(new AppMessage("?", topic, message.getPayload()))).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new SinkException("subscribing to " + filter + " on " + uri + " failed: " + e.getMessage(), e);
        }
        return collected.onClose(() -> {
            try {
                client.unsubscribe(filter);
            } catch (MqttException ignored) {
                // the watch is over either way
            }
        });
    }

    /** Waits for what is still unacknowledged, then disconnects. */
    @Override
    public void close() {
        try {
            for (IMqttDeliveryToken token : unacknowledged) {
                token.waitForCompletion(10_000);
            }
            client.disconnect().waitForCompletion(5_000);
            client.close();
        } catch (MqttException e) {
            throw new SinkException("closing the connection to " + uri + " failed: " + e.getMessage(), e);
        }
    }
}
