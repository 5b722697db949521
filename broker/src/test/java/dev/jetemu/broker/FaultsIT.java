package dev.jetemu.broker;

import dev.jetemu.broker.clients.ClientIdPattern;
import dev.jetemu.broker.moquette.MoquetteEngine;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The faults the broker causes on request: closed connections, dropped and duplicated messages,
 * a restart on the same port. Dropped and duplicated messages leave nothing for the engine to
 * wait for or resend, whatever the QoS.
 */
class FaultsIT {

    private static final String KERNEL_TOPIC = "/junos/events/kernel/interfaces/ifd/add/ge-0/0/0";
    private static final String SYSLOG_TOPIC = "/junos/events/syslog/UI_COMMIT_COMPLETED";
    private static final String FAULT_FILTER = "/junos/events/kernel/#";
    private static final String SUBSCRIPTION = "/junos/#";
    private static final ClientIdPattern APPS = ClientIdPattern.of("app-*");
    private static final int KERNEL_EVENTS = MoquetteEngine.INFLIGHT_WINDOW + 10;
    /**
     * More than a subscriber's in-flight window: were the engine not told the end of each
     * affected delivery, the client's window would fill and the messages after them never come.
     */
    private static final int AFFECTED = MoquetteEngine.INFLIGHT_WINDOW + 2;
    /**
     * Moquette 0.17 resends a QoS 1 or 2 message (or a PUBREL) in flight for 5 s, looking once
     * the connection has written nothing for 5 s (BrokerConstants.FLIGHT_BEFORE_RESEND_MS and
     * MQTTConnection's InflightResender): whatever it would resend comes within 10 s.
     */
    private static final Duration PAST_RESENDS = Duration.ofSeconds(11);

    private NotificationBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        broker.close();
    }

    @Test
    void disconnectClosesTheMatchingClientsOnlyAndTheyCanReconnect() throws Exception {
        MqttClient app = connect("app-1");
        AtomicBoolean appLost = new AtomicBoolean();
        app.setCallback(onConnectionLost(appLost));
        MqttClient other = connect("other");
        AtomicBoolean otherLost = new AtomicBoolean();
        other.setCallback(onConnectionLost(otherLost));
        List<String> otherReceived = received(other, 0);

        try (LogCapture log = new LogCapture("dev.jetemu.broker.fault")) {
            assertThat(broker.disconnectClients(APPS)).isEqualTo(1);

            assertThat(log.messages()).containsExactly("Closed the connections of 1 client matching app-*: app-1");
        }
        await().atMost(5, TimeUnit.SECONDS).untilTrue(appLost);
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.connectedClientIds().equals(List.of("other")));
        broker.publish(SYSLOG_TOPIC, "commit-1".getBytes(StandardCharsets.UTF_8), 0);
        await().atMost(5, TimeUnit.SECONDS).until(() -> otherReceived.size() >= 1);
        assertThat(otherReceived).containsExactly("commit-1");
        assertThat(otherLost).isFalse();
        assertThat(other.isConnected()).isTrue();

        app.connect(TestClients.options("127.0.0.1"));
        List<String> appReceived = received(app, 0);
        broker.publish(SYSLOG_TOPIC, "commit-2".getBytes(StandardCharsets.UTF_8), 0);
        await().atMost(5, TimeUnit.SECONDS).until(() -> appReceived.size() >= 1 && otherReceived.size() >= 2);
        assertThat(appReceived).containsExactly("commit-2");
        assertThat(otherReceived).containsExactly("commit-1", "commit-2");
    }

    @Test
    void disconnectMatchingNobodyClosesNothing() throws Exception {
        MqttClient other = connect("other");
        // The engine lists a client a moment after its CONNACK.
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.connectedClientIds().contains("other"));

        assertThat(broker.disconnectClients(APPS)).isZero();

        assertThat(other.isConnected()).isTrue();
        assertThat(broker.connectedClientIds()).containsExactly("other");
    }

    @ParameterizedTest(name = "at QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void droppedMessagesAreNeverSentAndNeverResent(int qos) throws Exception {
        List<String> app = received(connect("app-1"), qos);
        WireSubscriber wire = wireSubscriber("app-wire", qos);
        List<String> other = received(connect("other"), qos);
        List<String> kept = new ArrayList<>(List.of("commit-1"));
        IntStream.rangeClosed(AFFECTED + 1, KERNEL_EVENTS).mapToObj(FaultsIT::kernel).forEach(kept::add);

        try (LogCapture engine = new LogCapture("io.moquette")) {
            assertThat(broker.dropNext(APPS, FAULT_FILTER, AFFECTED)).isEqualTo(2);
            publishAll(qos);

            await().atMost(10, TimeUnit.SECONDS).until(() -> app.size() >= kept.size()
                    && wire.publishes().size() >= kept.size() && other.size() >= everything().size());
            assertThat(app).containsExactlyElementsOf(kept);
            assertThat(wire.publishes()).containsExactlyElementsOf(kept);
            assertThat(other).containsExactlyElementsOf(everything());
            assertThat(broker.drain(Duration.ofSeconds(5))).as("nothing left unacknowledged").isTrue();
            assertThat(wire.released()).as("PUBRELs").containsExactlyElementsOf(qos == 2 ? kept : List.of());
            assertThat(broker.faults().droppedByFault()).isEqualTo(2 * AFFECTED);
            assertThat(broker.faults().duplicatedByFault()).isZero();

            assertNothingMoreArrives(app, wire.publishes(), wire.released(), other);
            assertThat(engine.messages()).as("the engine's warnings").isEmpty();
        }
    }

    @ParameterizedTest(name = "at QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void duplicatedMessagesArriveTwiceBackToBackAndAreAcknowledgedToTheEngineOnce(int qos) throws Exception {
        List<String> app = received(connect("app-1"), qos);
        WireSubscriber wire = wireSubscriber("app-wire", qos);
        List<String> other = received(connect("other"), qos);
        List<String> twice = new ArrayList<>();
        for (String message : everything()) {
            twice.add(message);
            if (message.startsWith("kernel-") && Integer.parseInt(message.substring(7)) <= AFFECTED) {
                twice.add(qos == 0 ? message : message + " DUP");
            }
        }
        // Paho hands a QoS 2 message over once, on the PUBREL, whatever came before it: exactly once.
        List<String> appExpected = qos == 2 ? exactlyOnceAsPahoDelivers(twice) : twice;

        try (LogCapture engine = new LogCapture("io.moquette")) {
            assertThat(broker.duplicateNext(APPS, FAULT_FILTER, AFFECTED)).isEqualTo(2);
            publishAll(qos);

            await().atMost(10, TimeUnit.SECONDS).until(() -> app.size() >= appExpected.size()
                    && wire.publishes().size() >= twice.size() && other.size() >= everything().size());
            assertThat(wire.publishes()).containsExactlyElementsOf(twice);
            assertThat(app).containsExactlyElementsOf(appExpected);
            assertThat(other).containsExactlyElementsOf(everything());
            assertThat(broker.drain(Duration.ofSeconds(5))).as("nothing left unacknowledged").isTrue();
            assertThat(wire.released()).as("PUBRELs, one per message")
                    .containsExactlyElementsOf(qos == 2 ? everything() : List.of());
            assertThat(broker.faults().duplicatedByFault()).isEqualTo(2 * AFFECTED);
            assertThat(broker.faults().droppedByFault()).isZero();

            assertNothingMoreArrives(app, wire.publishes(), wire.released(), other);
            // A second PUBACK or PUBREC for a packet id would have been met with "not matching packetId".
            assertThat(engine.messages()).as("the engine's warnings").isEmpty();
        }
    }

    @Test
    void theBrokerRestartsOnTheSamePortAtOnce() throws Exception {
        int port = broker.port();
        MqttClient before = connect("app-1");
        AtomicBoolean lost = new AtomicBoolean();
        before.setCallback(onConnectionLost(lost));

        // The broker closes the connection first, so its end of it waits in TIME_WAIT on this port.
        broker.close();
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(port));

        assertThat(broker.port()).isEqualTo(port);
        await().atMost(5, TimeUnit.SECONDS).untilTrue(lost);
        List<String> after = received(connect("app-2"), 1);
        broker.publish(SYSLOG_TOPIC, "commit-1".getBytes(StandardCharsets.UTF_8), 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> after.size() >= 1);
        assertThat(after).containsExactly("commit-1");
    }

    /** Kernel event 1, a syslog event (inside the range a fault takes, but not on its filter), kernel events 2 on. */
    private void publishAll(int qos) throws InterruptedException {
        for (String message : everything()) {
            broker.publish(message.startsWith("kernel-") ? KERNEL_TOPIC : SYSLOG_TOPIC,
                    message.getBytes(StandardCharsets.UTF_8), qos);
        }
    }

    private static List<String> everything() {
        List<String> messages = new ArrayList<>();
        IntStream.rangeClosed(1, KERNEL_EVENTS).mapToObj(FaultsIT::kernel).forEach(messages::add);
        messages.add(1, "commit-1");
        return messages;
    }

    private static String kernel(int sequence) {
        return String.format("kernel-%02d", sequence);
    }

    /** Paho keeps the last PUBLISH of a QoS 2 packet id until the PUBREL: the copy, with its DUP flag. */
    private static List<String> exactlyOnceAsPahoDelivers(List<String> onTheWire) {
        List<String> delivered = new ArrayList<>();
        for (String message : onTheWire) {
            if (message.endsWith(" DUP")) {
                delivered.set(delivered.size() - 1, message);
            } else {
                delivered.add(message);
            }
        }
        return delivered;
    }

    @SafeVarargs
    private static void assertNothingMoreArrives(List<String>... lists) {
        List<List<String>> before = new ArrayList<>();
        for (List<String> list : lists) {
            before.add(List.copyOf(list));
        }
        await().during(PAST_RESENDS).atMost(PAST_RESENDS.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> IntStream.range(0, lists.length).allMatch(i -> lists[i].equals(before.get(i))));
    }

    private MqttClient connect(String clientId) throws Exception {
        MqttClient client = TestClients.connectAs(broker, clientId);
        open.add(() -> TestClients.closeQuietly(client));
        return client;
    }

    private WireSubscriber wireSubscriber(String clientId, int qos) throws Exception {
        WireSubscriber subscriber = WireSubscriber.subscribe(broker, clientId, SUBSCRIPTION, qos);
        open.add(subscriber);
        return subscriber;
    }

    /** Payloads as they arrive, " DUP" appended where Paho says the message is a duplicate. */
    private static List<String> received(MqttClient client, int qos) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        client.subscribe(SUBSCRIPTION, qos, (topic, message) -> {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            received.add(message.isDuplicate() ? payload + " DUP" : payload);
        });
        return received;
    }

    private static MqttCallback onConnectionLost(AtomicBoolean lost) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.set(true);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }
}
