package dev.jetemu.broker;

import dev.jetemu.broker.clients.ClientSubscriptions;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the broker tells about its clients: their granted subscriptions and what they publish. */
class ObservedClientsIT {

    private NotificationBroker broker;
    private MqttClient client;

    @BeforeEach
    void start() throws Exception {
        broker = NotificationBroker.start(BrokerSettings.loopbackOnly(0));
        client = TestClients.connect(broker, "127.0.0.3");
    }

    @AfterEach
    void stop() {
        TestClients.closeQuietly(client);
        broker.close();
    }

    @Test
    void grantedSubscriptionsAreListedAndCountedByOverlap() throws Exception {
        client.subscribe(new String[] {"/junos/events/kernel/interfaces/ifd/+/#", "myapp/commands"}, new int[] {0, 1});

        List<ClientSubscriptions> clients = broker.subscriptions().snapshot();

        assertThat(clients).hasSize(1);
        assertThat(clients.get(0).clientId()).isEqualTo(client.getClientId());
        assertThat(clients.get(0).address().getAddress().getHostAddress()).isEqualTo("127.0.0.3");
        assertThat(clients.get(0).subscriptions()).containsExactly(
                new ClientSubscriptions.Subscription("/junos/events/kernel/interfaces/ifd/+/#", 0),
                new ClientSubscriptions.Subscription("myapp/commands", 1));
        assertThat(broker.subscriptions().countOverlapping("/junos/events/kernel/#")).isEqualTo(1);
        assertThat(broker.subscriptions().countOverlapping("/junos/events/syslog/#")).isZero();

        client.unsubscribe("/junos/events/kernel/interfaces/ifd/+/#");
        assertThat(broker.subscriptions().countOverlapping("/junos/events/kernel/#")).isZero();

        client.disconnect();
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.subscriptions().snapshot().isEmpty());
    }

    @Test
    void listenersHearWhatApplicationsPublishButNotTheDevice() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        broker.clientMessages().addListener((clientId, topic, payload) ->
                heard.add(clientId + " " + topic + " " + new String(payload, StandardCharsets.UTF_8)));

        broker.publish("/junos/events/syslog/UI_COMMIT_COMPLETED", "{}".getBytes(StandardCharsets.UTF_8), 0);
        TestClients.publish(client, "myapp/actions/restart", "{\"interface\":\"ge-0/0/1\"}", 1);

        await().atMost(5, TimeUnit.SECONDS).until(() -> !heard.isEmpty());
        assertThat(heard).containsExactly(client.getClientId() + " myapp/actions/restart {\"interface\":\"ge-0/0/1\"}");
    }
}
