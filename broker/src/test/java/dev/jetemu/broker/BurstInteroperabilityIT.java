package dev.jetemu.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bursts that Moquette alone would thin out: to Debian's python3-paho-mqtt, and from one
 * application to others through the broker (a publisher is slowed by TCP, not its messages lost).
 */
class BurstInteroperabilityIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String EVENT = "{\"jet-event\":{\"event-id\":\"KERNEL_EVENT_ROUTE_ADD\",\"hostname\":\"vmx1\","
            + "\"attributes\":{\"table-name\":\"inet.0\",\"route-prefix\":\"10.1.0.0/24\"}}}";

    private NotificationBroker broker;

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void pythonPahoReceivesA50000EventBurstWhole() throws Exception {
        ExternalTool.require(PYTHON, "python3-paho-mqtt");
        String script = Path.of(getClass().getResource("/interop/count_burst.py").toURI()).toString();
        int events = 50_000;
        try (ExternalTool python = ExternalTool.start(List.of(PYTHON.toString(), script, "127.0.0.1",
                String.valueOf(broker.port()), "/junos/events/kernel/route/#", String.valueOf(events)))) {
            assertThat(python.nextLine(15)).isEqualTo("subscribed");

            for (int sequence = 0; sequence < events; sequence++) {
                broker.publish("/junos/events/kernel/route/add/inet/10.1.0.0/24",
                        SequenceCheckingSubscriber.payload(sequence, EVENT), 0);
            }

            assertThat(python.nextLine(120)).isEqualTo("received " + events + " in order");
            assertThat(python.exitCode(10)).isZero();
        }
    }

    /**
     * Kernel buffers are kept small on the slow reader's connection, so that what waits for it
     * builds up in the broker's own backlog and the flow control has to stop reading from the
     * publisher; TCP then slows the publisher.
     */
    @Test
    void anApplicationPublishingAsFastAsItCanIsSlowedAndLosesNothingForFastAndSlowReaders() throws Exception {
        broker.close();
        BrokerSettings loopback = BrokerSettings.loopbackOnly(0);
        broker = NotificationBroker.start(new BrokerSettings(loopback.bindAddress(), 0, loopback.allowClients(),
                loopback.maxConnections(), java.util.OptionalInt.of(32 * 1024), List.of(), loopback.maxMessageBytes(),
                loopback.flow()));
        SequenceCheckingSubscriber fast = SequenceCheckingSubscriber.subscribe(broker, "myapp/#", 0, 0);
        SequenceCheckingSubscriber slow = SequenceCheckingSubscriber.subscribe(broker, "myapp/#", 0, 1,
                TestClients.options("127.0.0.1", 4096));
        MqttClient publisher = TestClients.connect(broker, "127.0.0.2");
        int messages = 4_000;
        String body = EVENT + "z".repeat(2000);
        try {
            for (int sequence = 0; sequence < messages; sequence++) {
                MqttMessage message = new MqttMessage(SequenceCheckingSubscriber.payload(sequence, body));
                message.setQos(0);
                publisher.publish("myapp/route-cache", message);
            }
            await().atMost(90, TimeUnit.SECONDS).until(() -> slow.received() >= messages && fast.received() >= messages);
            assertThat(fast.firstProblem()).isNull();
            assertThat(slow.firstProblem()).isNull();
            assertThat(fast.received()).isEqualTo(messages);
            assertThat(slow.received()).isEqualTo(messages);
            assertThat(broker.backlogs().publisherPauses()).as("times the publisher was paused").isPositive();
        } finally {
            TestClients.closeQuietly(publisher);
            fast.close();
            slow.close();
        }
    }
}
