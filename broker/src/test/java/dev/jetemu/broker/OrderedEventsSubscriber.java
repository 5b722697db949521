package dev.jetemu.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * A Paho subscriber at QoS 1 to what {@link RouteEventPublisher} publishes: checks that the events
 * of each QoS arrive in the order published with none missing. A QoS 1 event received again is the
 * protocol's at-least-once and is counted, not taken for a fault.
 */
final class OrderedEventsSubscriber implements AutoCloseable {

    private final MqttClient client;
    private final BitSet received = new BitSet();
    private final int[] lastOfQos = {-2, -1};
    private int lastOfAny = -1;
    private int redeliveries;
    private int crossQosInversions;
    private String firstProblem;

    private OrderedEventsSubscriber(MqttClient client) {
        this.client = client;
    }

    static OrderedEventsSubscriber subscribe(NotificationBroker broker, String filter) throws MqttException {
        OrderedEventsSubscriber subscriber = new OrderedEventsSubscriber(TestClients.connect(broker, "127.0.0.1"));
        subscriber.client.subscribe(filter, 1, (topic, message) -> subscriber.arrived(message.getPayload()));
        return subscriber;
    }

    private synchronized void arrived(byte[] payload) {
        int sequence = Integer.parseInt(new String(payload, 0, 6, StandardCharsets.US_ASCII));
        int qos = payload[7] - '0';
        if (received.get(sequence)) {
            if (qos == 1) {
                redeliveries++;
            } else {
                problem("QoS 0 event " + sequence + " arrived twice");
            }
            return;
        }
        if (qos != RouteEventPublisher.qosOf(sequence)) {
            problem("event " + sequence + " arrived at QoS " + qos);
        }
        if (sequence != lastOfQos[qos] + 2) {
            problem("after QoS " + qos + " event " + lastOfQos[qos] + " came " + sequence);
        }
        if (sequence < lastOfAny) {
            crossQosInversions++;
        }
        lastOfQos[qos] = sequence;
        lastOfAny = Math.max(lastOfAny, sequence);
        received.set(sequence);
    }

    private void problem(String what) {
        if (firstProblem == null) {
            firstProblem = what;
        }
    }

    String clientId() {
        return client.getClientId();
    }

    /** Distinct events received. */
    synchronized int received() {
        return received.cardinality();
    }

    /** Whether event 0 to {@code count - 1} have all arrived. */
    synchronized boolean receivedAll(int count) {
        return received.nextClearBit(0) >= count;
    }

    /** Null when every event arrived in its QoS's order, once (QoS 1 resends aside). */
    synchronized String firstProblem() {
        return firstProblem;
    }

    synchronized int redeliveries() {
        return redeliveries;
    }

    /** Events that arrived after a later event of the other QoS: MQTT orders each QoS on its own. */
    synchronized int crossQosInversions() {
        return crossQosInversions;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        TestClients.closeQuietly(client);
    }
}
