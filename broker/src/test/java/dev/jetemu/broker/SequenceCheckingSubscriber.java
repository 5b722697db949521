package dev.jetemu.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Paho subscriber that counts what it receives by the sequence number each test payload
 * starts with ({@code 000042 {...}}), and remembers the first gap or reordering it sees. A
 * resent copy (DUP) of a message it already has is let through, as QoS 1 permits.
 */
final class SequenceCheckingSubscriber implements AutoCloseable {

    private final MqttClient client;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();
    private final int delayMillis;

    private SequenceCheckingSubscriber(MqttClient client, int delayMillis) {
        this.client = client;
        this.delayMillis = delayMillis;
    }

    static SequenceCheckingSubscriber subscribe(NotificationBroker broker, String filter, int qos, int delayMillis)
            throws MqttException {
        return subscribe(broker, filter, qos, delayMillis, TestClients.options("127.0.0.1"));
    }

    static SequenceCheckingSubscriber subscribe(NotificationBroker broker, String filter, int qos, int delayMillis,
                                                MqttConnectOptions options) throws MqttException {
        SequenceCheckingSubscriber subscriber =
                new SequenceCheckingSubscriber(TestClients.connect(broker, "127.0.0.1", options), delayMillis);
        subscriber.client.subscribe(filter, qos,
                (topic, message) -> subscriber.arrived(message.getPayload(), message.isDuplicate()));
        return subscriber;
    }

    private void arrived(byte[] payload, boolean resent) throws InterruptedException {
        int sequence = Integer.parseInt(new String(payload, 0, 6, StandardCharsets.US_ASCII));
        if (resent && sequence < received.get()) {
            // QoS 1 allows a copy of a message already received: the broker resends what stays
            // unacknowledged for 5 s, as on a machine too busy to run the client in time.
            return;
        }
        int expected = received.getAndIncrement();
        if (sequence != expected) {
            firstProblem.compareAndSet(null, "expected message " + expected + " but got " + sequence);
        }
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
    }

    static byte[] payload(int sequence, String body) {
        return String.format("%06d %s", sequence, body).getBytes(StandardCharsets.UTF_8);
    }

    int received() {
        return received.get();
    }

    /** Null when every message arrived once, in order. */
    String firstProblem() {
        return firstProblem.get();
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        TestClients.closeQuietly(client);
    }
}
