package dev.jetemu.broker;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Applications may publish anywhere but under /junos/, the device's own tree. */
class JunosTopicRuleIT {

    private NotificationBroker broker;
    private MqttClient subscriber;
    private MqttClient application;
    private List<String> received;

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
        subscriber = TestClients.connect(broker, "127.0.0.1");
        received = TestClients.collect(subscriber, "#", 2);
        application = TestClients.connect(broker, "127.0.0.2");
    }

    @AfterEach
    void stop() {
        TestClients.closeQuietly(application);
        TestClients.closeQuietly(subscriber);
        broker.close();
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void aPublishUnderJunosIsDroppedAndThePublisherStaysConnected(int qos) throws Exception {
        TestClients.publish(application, "/junos/events/kernel/interfaces/ifd/add/ge-0/0/0", "forged", qos);
        TestClients.publish(application, "/junos", "forged", qos);
        TestClients.publish(application, "myapp/actions/restart", "real", qos);

        await().atMost(5, TimeUnit.SECONDS).until(() -> !received.isEmpty());
        assertThat(received).containsExactly("myapp/actions/restart real");
        assertThat(application.isConnected()).isTrue();
    }

    @Test
    void topicsThatOnlyLookLikeTheDevicesArePublished() throws Exception {
        TestClients.publish(application, "junos/events/not-the-device", "a", 1);
        TestClients.publish(application, "/junosx/events", "b", 1);
        TestClients.publish(application, "/other/junos/events", "c", 1);

        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertThat(received).containsExactly(
                "junos/events/not-the-device a", "/junosx/events b", "/other/junos/events c");
    }

    @Test
    void theDeviceItselfPublishesUnderJunos() throws InterruptedException {
        broker.publish("/junos/events/syslog/UI_COMMIT_COMPLETED", "{}".getBytes(StandardCharsets.UTF_8), 0);

        await().atMost(5, TimeUnit.SECONDS).until(() -> !received.isEmpty());
        assertThat(received).containsExactly("/junos/events/syslog/UI_COMMIT_COMPLETED {}");
    }
}
