package dev.jetemu.bench;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Paho subscriber that checks what it receives by sequence number: every event once, in the
 * order published. It notes the moment it has received the last event, and remembers the first
 * irregularity (a gap, a step back, a duplicate, a payload it cannot read) to report it.
 */
final class SequenceSubscriber implements AutoCloseable {

    private final MqttClient client;
    private final int index;
    private final int expected;
    private final CountDownLatch allDone;
    private final AtomicInteger received = new AtomicInteger();
    private final BitSet seen;
    private volatile long doneNanos;
    private volatile String connectionLost;
    private int next;
    private int duplicates;
    private int irregularities;
    private int unreadable;
    private String firstIrregularity;

    private SequenceSubscriber(MqttClient client, int index, int expected, CountDownLatch allDone) {
        this.client = client;
        this.index = index;
        this.expected = expected;
        this.allDone = allDone;
        this.seen = new BitSet(expected);
    }

    /** Connects and subscribes to every route event at {@code qos}; returns once the broker granted the subscription. */
    static SequenceSubscriber subscribe(int port, String clientId, int index, int qos, int expected,
                                        CountDownLatch allDone) throws MqttException {
        MqttClient client = new MqttClient(PahoClients.uri(port), clientId, new MemoryPersistence());
        SequenceSubscriber subscriber = new SequenceSubscriber(client, index, expected, allDone);
        client.setCallback(subscriber.new LostConnection());
        client.connect(PahoClients.options());
        IMqttToken token = client.subscribeWithResponse(RouteEvents.FILTER, qos,
                (topic, message) -> subscriber.arrived(message.getPayload()));
        int granted = token.getGrantedQos()[0];
        if (granted != qos) {
            subscriber.close();
            throw new MqttException(new IllegalStateException("the broker granted QoS " + granted + " for QoS " + qos));
        }
        return subscriber;
    }

    /** On Paho's callback thread, one message at a time. */
    private synchronized void arrived(byte[] payload) {
        int sequence = RouteEvents.sequenceOf(payload);
        int count = received.incrementAndGet();
        if (sequence < 0 || sequence >= expected) {
            unreadable++;
            irregular("a payload without a sequence number in range: "
                    + new String(payload, 0, Math.min(payload.length, 80), StandardCharsets.UTF_8));
        } else {
            if (seen.get(sequence)) {
                duplicates++;
                irregular("#" + sequence + " arrived twice");
            } else {
                seen.set(sequence);
            }
            if (sequence != next) {
                irregular(next == 0 ? "the first event was #" + sequence
                        : "#" + (next - 1) + " was followed by #" + sequence);
            }
            next = sequence + 1;
        }
        // Done at the last event published, even when some went missing: the gap is reported, not waited for.
        if (doneNanos == 0 && (sequence == expected - 1 || count == expected)) {
            doneNanos = System.nanoTime();
            allDone.countDown();
        }
    }

    private void irregular(String what) {
        irregularities++;
        if (firstIrregularity == null) {
            firstIrregularity = what;
        }
    }

    int received() {
        return received.get();
    }

    /** When it received the last event (System.nanoTime), or 0 if it has not. */
    long doneNanos() {
        return doneNanos;
    }

    /** Why this subscriber failed the case, or empty when it received every event once and in order. */
    synchronized Optional<String> problem() {
        int distinct = seen.cardinality();
        if (distinct == expected && irregularities == 0 && connectionLost == null) {
            return Optional.empty();
        }
        StringBuilder problem = new StringBuilder("subscriber ").append(index + 1).append(": ");
        problem.append(String.format(Locale.ROOT, "received %,d of %,d events", distinct, expected));
        if (distinct < expected) {
            problem.append(String.format(Locale.ROOT, " (%,d LOST)", expected - distinct));
        }
        if (duplicates > 0) {
            problem.append(String.format(Locale.ROOT, ", %,d duplicates", duplicates));
        }
        if (unreadable > 0) {
            problem.append(String.format(Locale.ROOT, ", %,d unreadable", unreadable));
        }
        if (irregularities > 0) {
            problem.append(String.format(Locale.ROOT, ", %,d times out of order or missing, first: %s",
                    irregularities, firstIrregularity));
        }
        if (connectionLost != null) {
            problem.append(", connection lost: ").append(connectionLost);
        }
        return Optional.of(problem.toString());
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1_000);
            } catch (MqttException ignored) {
                // closing below releases what is left
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // the run is over; a client that fails to close changes no figure
        }
    }

    private final class LostConnection implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            connectionLost = String.valueOf(cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // every message goes to the subscription's own listener
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // a subscriber publishes nothing
        }
    }
}
