package dev.jetemu.broker;

import dev.jetemu.broker.RecordingDeliveryListener.Delivery;
import dev.jetemu.broker.clients.ClientIdPattern;
import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.observe.DeliveryListener;
import dev.jetemu.broker.observe.DropReason;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the broker tells its {@link DeliveryListener}, seen from real clients over TCP: one call
 * per message and subscriber, with the time from the device's publish to the write on the
 * subscriber's socket; drops and duplicates from faults counted apart.
 */
class DeliveryListenerIT {

    private static final String TOPIC = "/junos/events/kernel/interfaces/ifd/change/ge-0/0/1";
    private static final String FILTER = "/junos/events/#";
    /** More than Moquette's ten QoS 1 and 2 messages in flight: some wait in the session queue first. */
    private static final int MESSAGES = 40;

    private final RecordingDeliveryListener listener = new RecordingDeliveryListener();
    private final List<MqttClient> clients = new ArrayList<>();
    private NotificationBroker broker;

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0), AccessListener.NONE, listener);
    }

    @AfterEach
    void stop() {
        Collections.reverse(clients);
        clients.forEach(TestClients::closeQuietly);
        broker.close();
    }

    private List<String> subscriber(String clientId, String filter, int qos) throws Exception {
        MqttClient client = TestClients.connectAs(broker, clientId);
        clients.add(client);
        return TestClients.collect(client, filter, qos);
    }

    private void publish(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            broker.publish(TOPIC, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 2);
        }
    }

    /** Waits until the listener has heard {@code count} deliveries, and checks that no more follow. */
    private void awaitDeliveries(int count) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.deliveryCount() >= count);
        await().during(Duration.ofMillis(300)).atMost(2, TimeUnit.SECONDS)
                .until(() -> listener.deliveryCount() == count);
    }

    @Test
    void eachSubscriberIsToldOfOnceForEveryMessageWithTheTimeFromPublishToWrite() throws Exception {
        List<List<String>> received = List.of(subscriber("app-0", FILTER, 0), subscriber("app-1", FILTER, 1),
                subscriber("app-2", FILTER, 2));

        long before = System.nanoTime();
        publish(MESSAGES);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.stream().allMatch(list -> list.size() == MESSAGES));
        long elapsed = System.nanoTime() - before;

        awaitDeliveries(3 * MESSAGES);
        List<Delivery> deliveries = listener.deliveries();
        Map<Integer, Long> byQos = deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::qos, Collectors.counting()));
        assertThat(byQos).as("one call per message and subscriber, at the QoS it was sent")
                .containsExactlyInAnyOrderEntriesOf(Map.of(0, (long) MESSAGES, 1, (long) MESSAGES, 2, (long) MESSAGES));
        // Known for every message: the time survived Moquette's path at each QoS, queued ones included.
        assertThat(deliveries).extracting(Delivery::latencyNanos)
                .allSatisfy(latency -> assertThat(latency).isPositive().isLessThanOrEqualTo(elapsed));
        assertThat(listener.droppedCount(DropReason.FAULT) + listener.droppedCount(DropReason.SLOW_SUBSCRIBER)).isZero();
        assertThat(listener.duplicatedCount()).isZero();
    }

    @Test
    void aMessageFromAnApplicationIsDeliveredWithItsLatencyUnknown() throws Exception {
        List<String> received = subscriber("listener", "apps/#", 1);
        MqttClient publisher = TestClients.connectAs(broker, "publisher");
        clients.add(publisher);

        TestClients.publish(publisher, "apps/status", "{\"up\":true}", 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 1);

        awaitDeliveries(1);
        assertThat(listener.deliveries()).containsExactly(new Delivery(1, DeliveryListener.LATENCY_UNKNOWN));
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void faultsAreToldApartFromDeliveriesAndADuplicateIsDeliveredOnce(int qos) throws Exception {
        List<String> received = subscriber("app-1", FILTER, qos);

        broker.dropNext(ClientIdPattern.ALL, FILTER, 2);
        publish(5);
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 3);
        awaitDeliveries(3);
        assertThat(listener.droppedCount(DropReason.FAULT)).isEqualTo(2);

        broker.duplicateNext(ClientIdPattern.ALL, FILTER, 1);
        publish(1);
        // Paho hands a QoS 2 message over once, however often it came.
        int expected = qos == 2 ? 4 : 5;
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == expected);
        awaitDeliveries(4);
        assertThat(listener.duplicatedCount()).isEqualTo(1);
        assertThat(listener.deliveries()).extracting(Delivery::qos).containsOnly(qos);
        assertThat(listener.droppedCount(DropReason.SLOW_SUBSCRIBER)).isZero();
    }

    @Test
    void withoutAListenerTheBrokerDeliversAsBefore() throws Exception {
        try (NotificationBroker plain = NotificationBroker.start(BrokerSettings.loopbackOnly(0))) {
            MqttClient client = TestClients.connectAs(plain, "plain");
            clients.add(client);
            List<String> received = TestClients.collect(client, FILTER, 0);
            for (int i = 0; i < 3; i++) {
                plain.publish(TOPIC, new byte[0], 0);
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 3);
        }
        assertThat(listener.deliveryCount()).isZero();
    }
}
