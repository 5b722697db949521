package dev.jetemu.broker;

import dev.jetemu.broker.access.AddressPrefix;
import dev.jetemu.broker.access.AllowClients;
import dev.jetemu.broker.access.AllowRule;
import dev.jetemu.broker.access.Credentials;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** max-connections and credentials, as real clients meet them. */
class ConnectionRulesIT {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    @AfterEach
    void closeAll() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }

    private NotificationBroker start(BrokerSettings settings) throws BrokerStartException {
        NotificationBroker broker = NotificationBroker.start(settings);
        open.push(broker);
        return broker;
    }

    private MqttClient connected(NotificationBroker broker, MqttConnectOptions options) throws MqttException {
        MqttClient client = TestClients.connect(broker, "127.0.0.1", options);
        open.push(() -> TestClients.closeQuietly(client));
        return client;
    }

    private static MqttConnectOptions withCredentials(String user, String password) {
        MqttConnectOptions options = TestClients.options("127.0.0.1");
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        return options;
    }

    @Test
    void theConnectionOverMaxConnectionsIsToldServerUnavailable() throws Exception {
        NotificationBroker broker = start(BrokerSettings.loopbackOnly(0).withMaxConnections(2));
        MqttClient first = connected(broker, TestClients.options("127.0.0.1"));
        connected(broker, TestClients.options("127.0.0.1"));

        assertThat(TestClients.refusalCode(broker, "127.0.0.1"))
                .isEqualTo(MqttException.REASON_CODE_BROKER_UNAVAILABLE);
        assertThat(broker.openConnections()).isEqualTo(2);

        first.disconnect();
        await().atMost(5, TimeUnit.SECONDS).until(() -> broker.openConnections() == 1);
        assertThat(connected(broker, TestClients.options("127.0.0.1")).isConnected()).isTrue();
    }

    @Test
    void refusedByAllowClientsDoesNotTakeAPlace() throws Exception {
        AllowClients onlyOne = new AllowClients(List.of(
                new AllowRule("127.0.0.1", AddressPrefix.parse("127.0.0.1").orElseThrow())));
        NotificationBroker broker = start(BrokerSettings.loopbackOnly(0)
                .withAllowClients(onlyOne)
                .withMaxConnections(1));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(TestClients.refusalCode(broker, "127.0.0.2"))
                    .isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
        }
        connected(broker, TestClients.options("127.0.0.1"));
        assertThat(broker.openConnections()).isEqualTo(1);
    }

    @Test
    void goodCredentialsAreAdmitted() throws Exception {
        NotificationBroker broker = start(BrokerSettings.loopbackOnly(0)
                .withUsers(List.of(new Credentials("jetapp", "secret"), new Credentials("other", "pw"))));

        assertThat(connected(broker, withCredentials("jetapp", "secret")).isConnected()).isTrue();
        assertThat(connected(broker, withCredentials("other", "pw")).isConnected()).isTrue();
    }

    @Test
    void badCredentialsAreToldBadUserNameOrPassword() throws Exception {
        NotificationBroker broker = start(BrokerSettings.loopbackOnly(0)
                .withUsers(List.of(new Credentials("jetapp", "secret"))));

        assertThat(TestClients.refusalCode(broker, "127.0.0.1", withCredentials("jetapp", "wrong")))
                .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);
        assertThat(TestClients.refusalCode(broker, "127.0.0.1", withCredentials("nobody", "secret")))
                .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);
    }

    @Test
    void noCredentialsWhenUsersAreConfiguredIsNotAuthorized() throws Exception {
        NotificationBroker broker = start(BrokerSettings.loopbackOnly(0)
                .withUsers(List.of(new Credentials("jetapp", "secret"))));

        assertThat(TestClients.refusalCode(broker, "127.0.0.1"))
                .isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    @Test
    void withoutUsersCredentialsAreNotRequired() throws Exception {
        NotificationBroker broker = start(BrokerSettings.loopbackOnly(0));

        assertThat(connected(broker, TestClients.options("127.0.0.1")).isConnected()).isTrue();
        assertThat(connected(broker, withCredentials("anyone", "anything")).isConnected()).isTrue();
    }
}
