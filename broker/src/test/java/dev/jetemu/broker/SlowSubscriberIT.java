package dev.jetemu.broker;

import dev.jetemu.broker.edge.AccessListener;
import dev.jetemu.broker.flow.FlowSettings;
import dev.jetemu.broker.flow.SlowSubscriberPolicy;
import dev.jetemu.broker.observe.DropReason;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber that reads slowly holds the device back and loses nothing; one that stops
 * reading is dealt with by the slow-subscriber policy after the grace period, and the others
 * receive everything either way.
 */
class SlowSubscriberIT {

    private static final String TOPIC = "/junos/events/kernel/route/add/inet/10.1.0.0/24";
    private static final String FILTER = "/junos/events/kernel/route/#";
    private static final String BODY = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":\"vmx1\","
            + "\"attributes\":{\"table-name\":\"inet.0\",\"route-prefix\":\"10.1.0.0/24\",\"padding\":\""
            + "x".repeat(200) + "\"}}}";

    private NotificationBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        broker.close();
    }

    private SequenceCheckingSubscriber subscriber(int delayMillis) throws Exception {
        SequenceCheckingSubscriber subscriber = SequenceCheckingSubscriber.subscribe(broker, FILTER, 0, delayMillis);
        open.add(subscriber);
        return subscriber;
    }

    /** A subscriber that sends CONNECT and SUBSCRIBE and then never reads a byte. */
    private Socket stalledSubscriber() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", broker.port()));
        socket.getOutputStream().write(RawMqtt.connect("stalled"));
        socket.getOutputStream().write(RawMqtt.subscribe(1, FILTER));
        socket.getOutputStream().flush();
        open.add(socket);
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.connectedClientIds().contains("stalled"));
        return socket;
    }

    private void publish(int events) throws InterruptedException {
        publish(events, BODY);
    }

    private void publish(int events, String body) throws InterruptedException {
        for (int sequence = 0; sequence < events; sequence++) {
            broker.publish(TOPIC, SequenceCheckingSubscriber.payload(sequence, body), 0);
        }
    }

    private static void assertReceivedAll(SequenceCheckingSubscriber subscriber, int events) {
        await().atMost(60, TimeUnit.SECONDS).until(() -> subscriber.received() >= events);
        assertThat(subscriber.firstProblem()).isNull();
        assertThat(subscriber.received()).isEqualTo(events);
    }

    @Test
    void aSubscriberThatReadsSlowlyReceivesEverythingAndHoldsTheDeviceBack() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
        SequenceCheckingSubscriber fast = subscriber(0);
        SequenceCheckingSubscriber slow = subscriber(1);
        int events = 10_000;
        // 20 MB in all: more than the kernel's socket buffers take, so the broker's own backlog grows.
        String body = BODY + "y".repeat(2000);

        Thread device = new Thread(() -> {
            try {
                publish(events, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        device.start();
        boolean heldBack = false;
        while (device.isAlive()) {
            heldBack |= broker.backlogs().anyHoldingBack();
            device.join(5);
        }

        assertReceivedAll(fast, events);
        assertReceivedAll(slow, events);
        assertThat(heldBack).as("the slow subscriber held the device back at some point").isTrue();
        assertThat(broker.backlogs().disconnectedSlowSubscribers()).isZero();
        assertThat(slow.isConnected()).isTrue();
    }

    @Test
    void aSubscriberThatStopsReadingIsDisconnectedAfterTheGracePeriodAndTheOthersGetEverything() throws Exception {
        RecordingDeliveryListener listener = new RecordingDeliveryListener();
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0).withFlow(
                FlowSettings.DEFAULTS.withPolicy(SlowSubscriberPolicy.DISCONNECT, Duration.ofSeconds(1))),
                AccessListener.NONE, listener);
        SequenceCheckingSubscriber first = subscriber(0);
        SequenceCheckingSubscriber second = subscriber(0);
        Socket stalled = stalledSubscriber();
        int events = 30_000;

        try (LogCapture log = new LogCapture("dev.jetemu.broker.flow")) {
            publish(events);

            assertReceivedAll(first, events);
            assertReceivedAll(second, events);
            assertThat(broker.backlogs().disconnectedSlowSubscribers()).isEqualTo(1);
            assertThat(listener.slowSubscribersDisconnectedCount()).isEqualTo(1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !broker.connectedClientIds().contains("stalled"));
            assertThat(log.messages()).anyMatch(line -> line.startsWith("Disconnected client stalled from 127.0.0.1:"
                    + stalled.getLocalPort() + ": it stopped reading or acknowledging;") && line.contains("slow-subscriber policy disconnect"));
        }
    }

    @Test
    void underDropQos0AStalledSubscriberStaysConnectedAndWhatIsDroppedForItIsCounted() throws Exception {
        RecordingDeliveryListener listener = new RecordingDeliveryListener();
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0).withFlow(
                FlowSettings.DEFAULTS.withPolicy(SlowSubscriberPolicy.DROP_QOS0, Duration.ofSeconds(1))),
                AccessListener.NONE, listener);
        SequenceCheckingSubscriber reading = subscriber(0);
        stalledSubscriber();
        int events = 30_000;

        try (LogCapture log = new LogCapture("dev.jetemu.broker.flow")) {
            publish(events);

            assertReceivedAll(reading, events);
            assertThat(broker.backlogs().droppedQos0Messages()).isPositive();
            assertThat(listener.droppedCount(DropReason.SLOW_SUBSCRIBER)).isEqualTo(broker.backlogs().droppedQos0Messages());
            assertThat(broker.backlogs().disconnectedSlowSubscribers()).isZero();
            assertThat(listener.slowSubscribersDisconnectedCount()).isZero();
            assertThat(broker.connectedClientIds()).contains("stalled");
            assertThat(log.messages()).filteredOn(line -> line.startsWith("Client stalled from"))
                    .hasSize(1)
                    .allMatch(line -> line.contains("dropping its QoS 0 messages until it catches up"));
        }
    }

    @Test
    void aConnectInTheMiddleOfABurstIsAnswered() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
        SequenceCheckingSubscriber reading = subscriber(0);
        int events = 100_000;
        Thread device = new Thread(() -> {
            try {
                publish(events);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        device.start();
        await().atMost(30, TimeUnit.SECONDS).until(() -> reading.received() > 1_000);

        MqttClient latecomer = TestClients.connect(broker, "127.0.0.1");
        open.add(() -> TestClients.closeQuietly(latecomer));

        assertThat(latecomer.isConnected()).isTrue();
        assertThat(device.isAlive()).as("the CONNECT was answered while the burst was still running").isTrue();
        device.join();
        assertReceivedAll(reading, events);
    }

    /** Reads everything it is sent but never acknowledges a QoS 1 message: its in-flight window stays full. */
    @Test
    void aQos1SubscriberThatNeverAcknowledgesIsDisconnectedAfterTheGracePeriod() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0).withFlow(
                FlowSettings.DEFAULTS.withPolicy(SlowSubscriberPolicy.DROP_QOS0, Duration.ofSeconds(1))));
        SequenceCheckingSubscriber reading = SequenceCheckingSubscriber.subscribe(broker, FILTER, 1, 0);
        open.add(reading);
        Socket silent = new Socket("127.0.0.1", broker.port());
        open.add(silent);
        silent.getOutputStream().write(RawMqtt.connect("never-acks"));
        silent.getOutputStream().write(RawMqtt.subscribe(1, FILTER, 1));
        Thread drain = new Thread(() -> {
            try {
                silent.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException closed) {
                // the broker disconnected it, as expected
            }
        });
        drain.setDaemon(true);
        drain.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.connectedClientIds().contains("never-acks"));
        int events = 5_000;

        for (int sequence = 0; sequence < events; sequence++) {
            broker.publish(TOPIC, SequenceCheckingSubscriber.payload(sequence, BODY), 1);
        }

        assertReceivedAll(reading, events);
        // Under drop-qos0 too: QoS 1 messages cannot be dropped, so the client is disconnected.
        assertThat(broker.backlogs().disconnectedSlowSubscribers()).isEqualTo(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> !broker.connectedClientIds().contains("never-acks"));
    }
}
